import Foundation
import Testing
import XMLTree

@Suite struct BuildingTests {
    @Test func serializesNamespacesDeclaredOnceOnTheRoot() throws {
        let document = XMLDocument(rootName: "Invoice", namespace: "urn:example:invoice")
        let root = try #require(document.root)
        root.declareNamespace(prefix: "cac", uri: "urn:example:cac")
        root.declareNamespace(prefix: "cbc", uri: "urn:example:cbc")
        let party = root.addChild("Party", namespace: "urn:example:cac")
        party.addChild("Name", namespace: "urn:example:cbc", text: "A & B")
        party.addChild("Other", namespace: "urn:example:undeclared", text: "x").setAttribute("k", "v\"<")
        root.addChild("Empty", namespace: "urn:example:invoice")
        let expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Invoice xmlns="urn:example:invoice" xmlns:cac="urn:example:cac" xmlns:cbc="urn:example:cbc" \
            xmlns:ns1="urn:example:undeclared"><cac:Party><cbc:Name>A &amp; B</cbc:Name>\
            <ns1:Other k="v&quot;&lt;">x</ns1:Other></cac:Party><Empty/></Invoice>

            """
        #expect(String(decoding: document.serialized(), as: UTF8.self) == expected)
    }

    @Test func specialCharactersAndLongTextRoundTrip() throws {
        let long = String(repeating: "Peña & Hijos <Ñandú> ", count: 150)  // 3,150 characters
        let samples = ["ñ", "&", "<", "a]]>b", "&amp; stays literal", "tab\tand\nnewline", long]
        let document = XMLDocument(rootName: "root")
        let root = try #require(document.root)
        for sample in samples {
            root.addChild("text", namespace: nil, text: sample).setAttribute("value", sample)
        }
        let bytes = document.serialized()
        let serialized = String(decoding: bytes, as: UTF8.self)
        #expect(serialized.contains("<text value=\"ñ\">ñ</text>"))  // UTF-8, not character references
        #expect(serialized.contains("<text value=\"&amp;\">&amp;</text>"))
        #expect(serialized.contains("<text value=\"&lt;\">&lt;</text>"))

        let reparsed = try XMLDocument.parse(bytes, sourceName: "round-trip")
        let texts = try #require(reparsed.root).children.map(\.text)
        #expect(texts == samples)

        // Independent reader: xmllint extracts the same long text.
        let directory = try makeTemporaryDirectory()
        let path = directory.appendingPathComponent("out.xml").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let xmllint = try ExternalTool("xmllint")
        let extracted = try xmllint.run(["--xpath", "string(/root/text[7])", path])
        #expect(extracted.status == 0)
        #expect(extracted.stdoutText == long + "\n")  // xmllint ends its output with a newline
        #expect(try xmllint.run(["--noout", path]).status == 0)
    }

    @Test func indentedOutputLeavesTextAlone() throws {
        let document = XMLDocument(rootName: "a")
        let root = try #require(document.root)
        let b = root.addChild("b", namespace: nil)
        b.addChild("c", namespace: nil, text: "  two\nlines  ")
        b.addChild("d", namespace: nil)
        let expected = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>\n  <b>\n    <c>  two\nlines  </c>\n    <d/>\n  </b>\n</a>\n"
        #expect(String(decoding: document.serialized(indented: true), as: UTF8.self) == expected)
        #expect(try XMLDocument.parse(document.serialized(indented: true), sourceName: "x").root?.children.first?.children.first?.line == 4)
    }
}
