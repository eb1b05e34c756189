/// Which display data each layout binds, by layout name (`invoice` for `Layouts/invoice.xml`): the schema a
/// template is checked against when it loads, so a layout may only name fields its data will have.
public struct LayoutSchemas: Sendable, Hashable {
    /// The schema of every layout not named in ``byLayout``.
    public var defaultSchema: DisplaySchema
    /// Schemas of particular layouts.
    public var byLayout: [String: DisplaySchema]

    public init(default defaultSchema: DisplaySchema, byLayout: [String: DisplaySchema] = [:]) {
        self.defaultSchema = defaultSchema
        self.byLayout = byLayout
    }

    /// The schema layout `name` binds.
    public func schema(forLayout name: String) -> DisplaySchema { byLayout[name] ?? defaultSchema }

    /// Folio's layouts: `event` binds ``EventDisplay/schema``; `invoice`, and any other layout,
    /// ``DocumentDisplay/schema``.
    public static let production = LayoutSchemas(
        default: DocumentDisplay.schema,
        byLayout: [DocumentDisplay.layoutName: DocumentDisplay.schema, EventDisplay.layoutName: EventDisplay.schema])
}
