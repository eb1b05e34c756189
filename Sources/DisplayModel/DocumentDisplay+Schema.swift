extension DocumentDisplay {
    /// The shape of ``make(_:branding:copy:)``'s output: the catalogue templates are checked against.
    public static let schema: DisplaySchema = .record([
        "document": .record(
            fields(
                "kind", "title", "number", "codeLabel", "code", "issueTime", "paymentForm",
                "paymentMeans", "payment", "currency", "orderReference", "qr", "resolution", "copyMark", "draftMark"
            ).merging([
                "notes": .list(.text), "isNote": .flag, "isCopy": .flag, "isDraft": .flag, "issueDate": .value(.date),
                "dueDate": .value(.date),
            ]) { $1 }),
        "reference": .record(fields("number", "codeLabel", "code", "concept").merging(["issueDate": .value(.date)]) { $1 }),
        "issuer": partySchema,
        "buyer": partySchema,
        "lines": .list(
            .record(
                fields("number", "code", "description", "note", "unit", "taxPercent")
                    .merging(["hasDiscount": .flag, "quantity": .value(.decimal)]) { $1 }
                    .merging(amounts("unitPrice", "discount", "taxAmount", "net", "total")) { $1 })),
        "taxes": .list(.record(fields("name", "percent", "label").merging(amounts("base", "amount")) { $1 })),
        "totals": .record(
            fields("inWords")
                .merging(["hasDiscounts": .flag, "hasCharges": .flag, "hasPrepaid": .flag]) { $1 }
                .merging(amounts("subtotal", "taxBase", "taxes", "total", "discounts", "charges", "prepaid", "payable")) { $1 }),
        "branding": .record(
            fields("tradeName", "logo", "primaryColor", "accentColor").merging(["legalTexts": .list(.text)]) { $1 }),
    ])

    private static let partySchema: DisplaySchema = .record(
        fields(
            "name", "tradeName", "idLabel", "idNumber", "idDigits", "id", "address", "city", "department", "cityLine", "country",
            "phone", "email", "responsibilities", "taxRegime"))

    private static func amounts(_ names: String...) -> [String: DisplaySchema] {
        Dictionary(uniqueKeysWithValues: names.map { ($0, DisplaySchema.value(.amount)) })
    }

    private static func fields(_ names: String...) -> [String: DisplaySchema] {
        Dictionary(uniqueKeysWithValues: names.map { ($0, DisplaySchema.text) })
    }
}
