extension DocumentDisplay {
    /// The shape of ``make(_:branding:copy:)``'s output: the catalogue templates are checked against.
    public static let schema: DisplaySchema = .record([
        "document": .record(
            fields(
                "kind", "title", "number", "codeLabel", "code", "issueDate", "issueTime", "dueDate", "paymentForm",
                "paymentMeans", "payment", "currency", "orderReference", "qr", "resolution", "copyMark", "draftMark"
            ).merging(["notes": .list(.text), "isNote": .flag, "isCopy": .flag, "isDraft": .flag]) { $1 }),
        "reference": .record(fields("number", "codeLabel", "code", "issueDate", "concept")),
        "issuer": partySchema,
        "buyer": partySchema,
        "lines": .list(
            .record(
                fields(
                    "number", "code", "description", "note", "quantity", "unit", "unitPrice", "discount",
                    "taxPercent", "taxAmount", "net", "total"
                ).merging(["hasDiscount": .flag]) { $1 })),
        "taxes": .list(.record(fields("name", "percent", "label", "base", "amount"))),
        "totals": .record(
            fields("subtotal", "taxBase", "taxes", "total", "discounts", "charges", "prepaid", "payable", "inWords")
                .merging(["hasDiscounts": .flag, "hasCharges": .flag, "hasPrepaid": .flag]) { $1 }),
        "branding": .record(
            fields("tradeName", "logo", "primaryColor", "accentColor").merging(["legalTexts": .list(.text)]) { $1 }),
    ])

    private static let partySchema: DisplaySchema = .record(
        fields(
            "name", "tradeName", "idLabel", "idNumber", "id", "address", "city", "department", "cityLine", "country",
            "phone", "email", "responsibilities", "taxRegime"))

    private static func fields(_ names: String...) -> [String: DisplaySchema] {
        Dictionary(uniqueKeysWithValues: names.map { ($0, DisplaySchema.text) })
    }
}
