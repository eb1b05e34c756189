/// The elements of layout version 1 and the attributes each accepts.
enum Vocabulary {
    static let text = StyleProperties.textAttributes
    static let box = StyleProperties.boxAttributes

    static let attributes: [String: [String]] = [
        "layout": ["version", "extends"],
        "fonts": [],
        "font": ["family", "weight", "style"],
        "styles": [],
        "style": ["name", "extends"] + text + box,
        "page": ["size", "margin", "style"] + text,
        "first-page-header": ["height", "style"] + text,
        "page-header": ["height", "style"] + text,
        "page-footer": ["height", "style"] + text,
        "block": ["name", "each", "keep-together", "keep-with-next", "keep-with-previous", "min-space", "style", "if"] + text + box,
        "row": ["columns", "gap", "style", "if"] + text + box,
        "text": ["style", "if"] + text + box,
        "span": ["style", "if"] + text,
        "br": [],
        "image": ["src", "width", "height", "align", "style", "if"] + box,
        "qr": ["value", "size", "align", "style", "if"] + box,
        "rule": ["stroke", "style", "if", "space-before", "space-after"],
        "table": ["columns", "style", "if"] + text + box,
        "header": ["repeat", "style"] + text,
        "rows": ["each", "keep-together", "zebra", "style"] + text,
        "footer": ["repeat", "style"] + text,
        "cell": ["span", "style"] + text + box,
        "page-break": ["if"],
    ]

    /// Elements that make up a flow (the body, regions, blocks, cells, row columns).
    static let flowElements = ["block", "row", "text", "image", "qr", "rule", "table", "page-break"]

    static var allElements: [String] { attributes.keys.sorted() }
}
