//! Every user-visible string, per language.

/// A UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Simplified Chinese, the default.
    #[default]
    ZhCn,
    /// Traditional Chinese.
    ZhTw,
    /// English.
    En,
}

impl Lang {
    /// Parses a BCP 47 tag loosely: `zh`, `zh-CN`, `zh-Hans` → ZhCn; `zh-TW`, `zh-HK`,
    /// `zh-Hant` → ZhTw; `en*` → En. Unknown tags give `None`.
    ///
    /// Subtags may be separated by `-` or `_`, ASCII case is ignored and surrounding spaces are
    /// trimmed. A script subtag decides over a region (`zh-Hant-CN` → ZhTw, `zh-Hans-HK` →
    /// ZhCn); `zh` with any other subtags (`zh-SG`, `zh-cmn`) is ZhCn.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        // Split on bytes: a `char`-pattern split would add core's multi-char searcher.
        let mut parts = tag.trim().as_bytes().split(|&b| b == b'-' || b == b'_');
        let primary = parts.next()?;
        if primary.eq_ignore_ascii_case(b"en") {
            return Some(Lang::En);
        }
        if !primary.eq_ignore_ascii_case(b"zh") {
            return None;
        }
        let mut region_tw = false;
        for sub in parts {
            if sub.is_empty() {
                return None;
            }
            if sub.eq_ignore_ascii_case(b"hant") {
                return Some(Lang::ZhTw);
            }
            if sub.eq_ignore_ascii_case(b"hans") {
                return Some(Lang::ZhCn);
            }
            if [b"tw", b"hk", b"mo"]
                .iter()
                .any(|r| sub.eq_ignore_ascii_case(*r))
            {
                region_tw = true;
            }
        }
        Some(if region_tw { Lang::ZhTw } else { Lang::ZhCn })
    }

    /// The tag written into `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::ZhTw => "zh-TW",
            Lang::En => "en",
        }
    }
}

/// The strings of one language: the built-in tables are `Labels<'static>`
/// ([`labels`]); a render with `options.labels` borrows its overrides from the options
/// ([`LabelOverrides::apply`]), so that no string outlives the options that brought it.
/// `Labels::default()` has every string empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Labels<'a> {
    /// 点赞
    pub like: &'a str,
    /// 收藏
    pub favorite: &'a str,
    /// 分享
    pub share: &'a str,
    /// 用手机看
    pub view_on_phone: &'a str,
    /// 扫一扫,手机继续看
    pub qr_caption: &'a str,
    /// 编辑
    pub editor: &'a str,
    /// 关键词
    pub keywords: &'a str,
    /// 全部评论
    pub all_comments: &'a str,
    /// 请先登录后发表评论
    pub login_prompt: &'a str,
    /// 暂无评论,快来发表你的评论吧
    pub no_comments: &'a str,
    /// 推荐视频
    pub related_videos: &'a str,
    /// 播放视频
    pub play_video: &'a str,
    /// 刚刚
    pub just_now: &'a str,
    /// 分钟前 (after N)
    pub minutes_ago: &'a str,
    /// 小时前 (after N)
    pub hours_ago: &'a str,
    /// 天前 (after N)
    pub days_ago: &'a str,
    /// 来源
    pub source: &'a str,
    /// 加载中…
    pub loading: &'a str,
    /// 加载失败
    pub load_failed: &'a str,
    /// 重试
    pub retry: &'a str,
    /// 微信扫一扫 (under the WeChat QR code)
    pub wechat_scan: &'a str,
    /// 点击右上角分享 (inside WeChat)
    pub wechat_hint: &'a str,
    /// 写下你的评论… (comment box placeholder)
    pub comment_placeholder: &'a str,
    /// 发表 (submit a comment)
    pub submit_comment: &'a str,
    /// 链接已复制
    pub link_copied: &'a str,
    /// 评论内容不能为空 (an empty comment was submitted)
    pub comment_empty: &'a str,
    /// 还有 {n} 条: the note after a list cut at its limit; `{n}` is replaced by the number
    /// left out.
    pub more: &'a str,
    /// …(内容过长,已截断): the paragraph after a body cut at its limit.
    pub body_truncated: &'a str,
}

/// The keys of `options.labels`: each field of [`Labels`] in camelCase.
pub const LABEL_KEYS: [&str; 28] = [
    "like",
    "favorite",
    "share",
    "viewOnPhone",
    "qrCaption",
    "editor",
    "keywords",
    "allComments",
    "loginPrompt",
    "noComments",
    "relatedVideos",
    "playVideo",
    "justNow",
    "minutesAgo",
    "hoursAgo",
    "daysAgo",
    "source",
    "loading",
    "loadFailed",
    "retry",
    "wechatScan",
    "wechatHint",
    "commentPlaceholder",
    "submitComment",
    "linkCopied",
    "commentEmpty",
    "more",
    "bodyTruncated",
];

impl<'a> Labels<'a> {
    /// The field for `key` (camelCase, as in `options.labels`), or `None` for an unknown key.
    fn field_mut(&mut self, key: &str) -> Option<&mut &'a str> {
        self.field_at(LABEL_KEYS.iter().position(|k| *k == key)?)
    }

    /// The field at `index` in [`LABEL_KEYS`].
    fn field_at(&mut self, index: usize) -> Option<&mut &'a str> {
        Some(match index {
            0 => &mut self.like,
            1 => &mut self.favorite,
            2 => &mut self.share,
            3 => &mut self.view_on_phone,
            4 => &mut self.qr_caption,
            5 => &mut self.editor,
            6 => &mut self.keywords,
            7 => &mut self.all_comments,
            8 => &mut self.login_prompt,
            9 => &mut self.no_comments,
            10 => &mut self.related_videos,
            11 => &mut self.play_video,
            12 => &mut self.just_now,
            13 => &mut self.minutes_ago,
            14 => &mut self.hours_ago,
            15 => &mut self.days_ago,
            16 => &mut self.source,
            17 => &mut self.loading,
            18 => &mut self.load_failed,
            19 => &mut self.retry,
            20 => &mut self.wechat_scan,
            21 => &mut self.wechat_hint,
            22 => &mut self.comment_placeholder,
            23 => &mut self.submit_comment,
            24 => &mut self.link_copied,
            25 => &mut self.comment_empty,
            26 => &mut self.more,
            27 => &mut self.body_truncated,
            _ => return None,
        })
    }

    /// These labels with `key` replaced by `value`. Returns `None` for an unknown key.
    pub fn with(mut self, key: &str, value: &'a str) -> Option<Labels<'a>> {
        *self.field_mut(key)? = value;
        Some(self)
    }
}

/// `options.labels`: overrides of single labels, owned by the options, as `(index in
/// LABEL_KEYS, text)` in the order given (a later one for the same key wins).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LabelOverrides(Vec<(usize, String)>);

impl LabelOverrides {
    /// Adds an override of `key`; `None` for an unknown key.
    pub fn set(&mut self, key: &str, value: &str) -> Option<()> {
        let index = LABEL_KEYS.iter().position(|k| *k == key)?;
        self.0.push((index, value.to_owned()));
        Some(())
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `base` with these overrides, borrowing their text.
    pub fn apply<'a>(&'a self, base: &Labels<'static>) -> Labels<'a> {
        let mut out: Labels<'a> = *base;
        for (index, text) in &self.0 {
            if let Some(field) = out.field_at(*index) {
                *field = text;
            }
        }
        out
    }
}

/// The labels for `lang`.
pub fn labels(lang: Lang) -> &'static Labels<'static> {
    match lang {
        Lang::ZhCn => &ZH_CN,
        Lang::ZhTw => &ZH_TW,
        Lang::En => &EN,
    }
}

static ZH_CN: Labels<'static> = Labels {
    like: "点赞",
    favorite: "收藏",
    share: "分享",
    view_on_phone: "用手机看",
    qr_caption: "扫一扫,手机继续看",
    editor: "编辑",
    keywords: "关键词",
    all_comments: "全部评论",
    login_prompt: "请先登录后发表评论",
    no_comments: "暂无评论,快来发表你的评论吧",
    related_videos: "推荐视频",
    play_video: "播放视频",
    just_now: "刚刚",
    minutes_ago: "分钟前",
    hours_ago: "小时前",
    days_ago: "天前",
    source: "来源",
    loading: "加载中…",
    load_failed: "文章加载失败",
    retry: "重试",
    wechat_scan: "微信扫一扫",
    wechat_hint: "点击右上角分享",
    comment_placeholder: "写下你的评论…",
    submit_comment: "发表",
    link_copied: "链接已复制",
    comment_empty: "评论内容不能为空",
    more: "还有 {n} 条",
    body_truncated: "…(内容过长,已截断)",
};

static ZH_TW: Labels<'static> = Labels {
    like: "按讚",
    favorite: "收藏",
    share: "分享",
    view_on_phone: "用手機看",
    qr_caption: "掃一掃,手機繼續看",
    editor: "編輯",
    keywords: "關鍵詞",
    all_comments: "全部評論",
    login_prompt: "請先登入後發表評論",
    no_comments: "暫無評論,快來發表你的評論吧",
    related_videos: "推薦影片",
    play_video: "播放影片",
    just_now: "剛剛",
    minutes_ago: "分鐘前",
    hours_ago: "小時前",
    days_ago: "天前",
    source: "來源",
    loading: "載入中…",
    load_failed: "文章載入失敗",
    retry: "重試",
    wechat_scan: "微信掃一掃",
    wechat_hint: "點擊右上角分享",
    comment_placeholder: "寫下你的評論…",
    submit_comment: "發表",
    link_copied: "連結已複製",
    comment_empty: "評論內容不能為空",
    more: "還有 {n} 條",
    body_truncated: "…(內容過長,已截斷)",
};

static EN: Labels<'static> = Labels {
    like: "Like",
    favorite: "Favorite",
    share: "Share",
    view_on_phone: "View on phone",
    qr_caption: "Scan to continue on your phone",
    editor: "Editor",
    keywords: "Keywords",
    all_comments: "Comments",
    login_prompt: "Sign in to comment",
    no_comments: "No comments yet. Be the first to comment.",
    related_videos: "Related videos",
    play_video: "Play video",
    just_now: "just now",
    minutes_ago: " min ago",
    hours_ago: " h ago",
    days_ago: " d ago",
    source: "Source",
    loading: "Loading…",
    load_failed: "The article could not be loaded",
    retry: "Retry",
    wechat_scan: "Scan with WeChat",
    wechat_hint: "Tap ··· at the top right to share",
    comment_placeholder: "Write a comment…",
    submit_comment: "Post",
    link_copied: "Link copied",
    comment_empty: "The comment is empty",
    more: "{n} more",
    body_truncated: "…(content too long, truncated)",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simplified_chinese_tags() {
        for tag in [
            "zh",
            "zh-CN",
            "zh-cn",
            "zh_CN",
            "zh-Hans",
            "zh-Hans-CN",
            "zh-SG",
            " zh-CN ",
        ] {
            assert_eq!(Lang::from_tag(tag), Some(Lang::ZhCn), "{tag}");
        }
    }

    #[test]
    fn traditional_chinese_tags() {
        for tag in [
            "zh-TW",
            "zh-tw",
            "zh-HK",
            "zh-MO",
            "zh-Hant",
            "zh-Hant-TW",
            "zh_Hant",
        ] {
            assert_eq!(Lang::from_tag(tag), Some(Lang::ZhTw), "{tag}");
        }
    }

    #[test]
    fn script_decides_over_region() {
        assert_eq!(Lang::from_tag("zh-Hant-CN"), Some(Lang::ZhTw));
        assert_eq!(Lang::from_tag("zh-Hans-HK"), Some(Lang::ZhCn));
    }

    #[test]
    fn english_tags() {
        for tag in ["en", "EN", "en-US", "en-GB", "en_us"] {
            assert_eq!(Lang::from_tag(tag), Some(Lang::En), "{tag}");
        }
    }

    #[test]
    fn unknown_tags() {
        for tag in ["", "fr", "eng", "zhx", "english", "zh-", "-zh", "ja-JP"] {
            assert_eq!(Lang::from_tag(tag), None, "{tag}");
        }
    }

    #[test]
    fn overrides_are_borrowed_from_their_owner() {
        let mut o = LabelOverrides::default();
        assert!(o.is_empty());
        assert_eq!(o.set("like", "Upvote"), Some(()));
        assert_eq!(o.set("more", "+{n}"), Some(()));
        assert_eq!(o.set("more", "{n} more"), Some(()));
        assert_eq!(o.set("lik", "x"), None);
        let l = o.apply(labels(Lang::En));
        assert_eq!((l.like, l.more, l.share), ("Upvote", "{n} more", "Share"));
        // The built-in table is untouched, and other overrides do not see these.
        assert_eq!(labels(Lang::En).like, "Like");
        let other = LabelOverrides::default();
        assert_eq!(other.apply(labels(Lang::En)).like, "Like");
        assert_eq!(LABEL_KEYS.len(), 28);
        let mut all = LabelOverrides::default();
        for key in LABEL_KEYS {
            all.set(key, key).unwrap();
        }
        let l = all.apply(labels(Lang::ZhCn));
        assert_eq!((l.like, l.body_truncated), ("like", "bodyTruncated"));
    }

    #[test]
    fn tag_round_trips() {
        for lang in [Lang::ZhCn, Lang::ZhTw, Lang::En] {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
    }
}
