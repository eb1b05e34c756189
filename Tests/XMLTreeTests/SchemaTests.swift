import Foundation
import Testing
import XMLTree

@Suite struct SchemaTests {
    static let schema = """
        <?xml version="1.0"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:example:thing"
            xmlns="urn:example:thing" elementFormDefault="qualified">
          <xs:element name="Thing">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="Count" type="xs:integer"/>
                <xs:element name="Code" type="xs:string" maxOccurs="unbounded"/>
              </xs:sequence>
            </xs:complexType>
          </xs:element>
        </xs:schema>
        """

    private func writeSchema() throws -> String {
        let path = try makeTemporaryDirectory().appendingPathComponent("thing.xsd").path
        try Data(Self.schema.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func validDocumentHasNoDiagnostics() throws {
        let schema = try XMLSchema(contentsOf: try writeSchema())
        let source = #"<Thing xmlns="urn:example:thing"><Count>3</Count><Code>a</Code></Thing>"#
        #expect(schema.validate(try XMLDocument.parse(Array(source.utf8), sourceName: "ok.xml")).isEmpty)
    }

    @Test func collectsEveryViolationWithItsLine() throws {
        let schemaPath = try writeSchema()
        let schema = try XMLSchema(contentsOf: schemaPath)
        let source = """
            <Thing xmlns="urn:example:thing">
              <Count>three</Count>
              <Code>a</Code>
              <Extra/>
            </Thing>
            """
        let diagnostics = schema.validate(try XMLDocument.parse(Array(source.utf8), sourceName: "bad.xml"))
        // xmllint --schema thing.xsd reports: bad.xml:2 ('three' is not a valid integer) and bad.xml:4 (Extra).
        #expect(diagnostics.map(\.line) == [2, 4])
        #expect(diagnostics.allSatisfy { $0.file == "bad.xml" && $0.severity == .error })
        #expect(diagnostics[0].message.contains("'three' is not a valid value of the atomic type 'xs:integer'"))
        #expect(diagnostics[1].message.contains("Extra"))

        let directory = try makeTemporaryDirectory()
        let path = directory.appendingPathComponent("bad.xml").path
        try Data(source.utf8).write(to: URL(fileURLWithPath: path))
        let cli = try ExternalTool("xmllint").run(["--noout", "--schema", schemaPath, path])
        #expect(cli.status != 0)
        #expect(cli.stderr.contains("\(path):2:"))
        #expect(cli.stderr.contains("\(path):4:"))
    }

    @Test func validatesASubtreeWithTheOriginalLines() throws {
        let schema = try XMLSchema(contentsOf: try writeSchema())
        let source = """
            <w:Wrapper xmlns:w="urn:example:wrapper" xmlns:t="urn:example:thing">
              <w:Content>
                <t:Thing>
                  <t:Count>1</t:Count>
                  <t:Code>x</t:Code>
                </t:Thing>
              </w:Content>
              <w:Content>
                <t:Thing>
                  <t:Code>no count</t:Code>
                </t:Thing>
              </w:Content>
            </w:Wrapper>
            """
        let document = try XMLDocument.parse(Array(source.utf8), sourceName: "wrapped.xml")
        let things = try #require(document.root).children.compactMap {
            $0.firstChild(named: "Thing", namespace: "urn:example:thing")
        }
        #expect(things.count == 2)
        #expect(schema.validate(subtree: things[0]).isEmpty)
        let problems = schema.validate(subtree: things[1])
        #expect(problems.count == 1)
        #expect(problems.first?.line == 10)
        #expect(problems.first?.file == "wrapped.xml")
        // The whole document is not a Thing.
        #expect(!schema.validate(document).isEmpty)
    }

    @Test func builtDocumentsValidateToo() throws {
        let schema = try XMLSchema(contentsOf: try writeSchema())
        let document = XMLDocument(rootName: "Thing", namespace: "urn:example:thing")
        let root = try #require(document.root)
        root.addChild("Count", namespace: "urn:example:thing", text: "7")
        #expect(schema.validate(document).count == 1)  // Code is missing
        root.addChild("Code", namespace: "urn:example:thing", text: "ok")
        #expect(schema.validate(document).isEmpty)
    }

    @Test func brokenSchemaIsAnError() throws {
        let path = try makeTemporaryDirectory().appendingPathComponent("broken.xsd").path
        try Data(#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="a" type="nope:x"/></xs:schema>"#.utf8)
            .write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: XMLParseError.self) { try XMLSchema(contentsOf: path) }
        #expect(error.code == .invalidSchema)
        #expect(!error.diagnostics.isEmpty)
    }
}
