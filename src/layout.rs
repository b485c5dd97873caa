//! Article + options → view tree, one function per region.
