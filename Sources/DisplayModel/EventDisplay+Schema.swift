extension EventDisplay {
    /// The shape of ``make(_:branding:)``'s output: the catalogue `Layouts/event.xml` is checked against.
    public static let schema: DisplaySchema = .record([
        "event": .record(
            fields(
                "title", "number", "codeLabel", "code", "issueDate", "issueTime", "environment", "responseCode",
                "responseName", "response", "responseDescription"
            ).merging(["notes": .list(.text), "isDIANResponse": .flag]) { $1 }),
        "sender": participantSchema,
        "receiver": participantSchema,
        "reference": .record(fields("number", "typeCode", "typeName", "codeLabel", "code")),
        "person": .record(fields("name", "id", "jobTitle", "department")),
        "findings": .list(.record(fields("code", "description"))),
        "branding": .record(fields("tradeName", "logo", "primaryColor", "accentColor")),
    ])

    private static let participantSchema: DisplaySchema = .record(fields("name", "idLabel", "idNumber", "id"))

    private static func fields(_ names: String...) -> [String: DisplaySchema] {
        Dictionary(uniqueKeysWithValues: names.map { ($0, DisplaySchema.text) })
    }
}
