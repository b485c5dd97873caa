//! View tree → DOM. Builds elements with `createElement(NS)`, sets attributes one by one and
//! text through text nodes: no markup string is ever parsed here.

use crate::view::{Element as ViewElement, Node as ViewNode};
use wasm_bindgen::JsValue;
use web_sys::{Document, DocumentFragment, Node};

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// Builds the DOM for `view` and appends it to `parent`. `body` (the sanitized article body)
/// is moved in at [`ViewNode::BodySlot`].
pub(crate) fn mount(
    doc: &Document,
    parent: &Node,
    view: &ViewNode,
    mut body: Option<DocumentFragment>,
) -> Result<(), JsValue> {
    // Iterative: (view node, DOM parent, inside <svg>).
    let mut stack: Vec<(&ViewNode, Node, bool)> = vec![(view, parent.clone(), false)];
    while let Some((node, parent, in_svg)) = stack.pop() {
        match node {
            ViewNode::Text(t) => {
                parent.append_child(&doc.create_text_node(t))?;
            }
            ViewNode::BodySlot => {
                if let Some(fragment) = body.take() {
                    parent.append_child(&fragment)?;
                }
            }
            ViewNode::Element(e) => {
                let svg = in_svg || e.tag == "svg";
                let el = create(doc, e, svg)?;
                parent.append_child(&el)?;
                let el: Node = el.into();
                for child in e.children.iter().rev() {
                    stack.push((child, el.clone(), svg));
                }
            }
        }
    }
    Ok(())
}

fn create(doc: &Document, e: &ViewElement, svg: bool) -> Result<web_sys::Element, JsValue> {
    let el = if svg {
        doc.create_element_ns(Some(SVG_NS), e.tag)?
    } else {
        doc.create_element(e.tag)?
    };
    for (name, value) in &e.attrs {
        el.set_attribute(name, value.as_str())?;
    }
    Ok(el)
}
