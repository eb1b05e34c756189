import Foundation
import Synchronization
import Testing
import XMLTree

@Suite struct ParsingTests {
    @Test func readsNamesNamespacesAttributesTextAndLines() throws {
        let source = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Invoice xmlns="urn:example:invoice" xmlns:cbc="urn:example:cbc">
              <cbc:ID schemeID="4" schemeName="31">SETP990000002</cbc:ID>
              <cbc:Note>Peña &amp; Hijos &lt;Ñandú&gt;</cbc:Note>
              <cbc:Note><![CDATA[a < b]]></cbc:Note>
              <Line/>
            </Invoice>
            """
        let document = try XMLDocument.parse(Array(source.utf8), sourceName: "inline.xml")
        let root = try #require(document.root)
        #expect(root.localName == "Invoice")
        #expect(root.namespaceURI == "urn:example:invoice")
        #expect(root.prefix == nil)
        #expect(root.children.map(\.localName) == ["ID", "Note", "Note", "Line"])

        let id = try #require(root.firstChild(named: "ID", namespace: "urn:example:cbc"))
        #expect(id.qualifiedName == "cbc:ID")
        #expect(id.text == "SETP990000002")
        #expect(id.line == 3)
        #expect(id.attribute("schemeID") == "4")
        #expect(id.attribute("missing") == nil)
        #expect(id.attributes.map(\.name) == ["schemeID", "schemeName"])
        #expect(id.attributes.map(\.value) == ["4", "31"])
        #expect(id.attributes.map(\.line) == [3, 3])
        #expect(id.parent?.localName == "Invoice")

        let notes = root.children(named: "Note", namespace: "urn:example:cbc")
        #expect(notes.map(\.text) == ["Peña & Hijos <Ñandú>", "a < b"])
        #expect(notes.map(\.line) == [4, 5])
        // Same local name, other namespace: not matched.
        #expect(root.firstChild(named: "ID", namespace: "urn:example:invoice") == nil)
        #expect(root.firstChild(named: "Line", namespace: "urn:example:invoice")?.line == 6)
    }

    @Test func malformedDocumentReportsEveryErrorWithLineAndColumn() throws {
        // Positions checked with `xmllint --noout`: line 4 caret under column 14 (the `&`);
        // line 5 three errors, caret under column 14 (`n` of `novalue`).
        let source = "<?xml version=\"1.0\"?>\n<root>\n  <item>one</item>\n  <item>two & three</item>\n  <item attr=novalue/>\n</root>\n"
        let error = try #require(throws: XMLParseError.self) {
            try XMLDocument.parse(Array(source.utf8), sourceName: "bad.xml")
        }
        #expect(error.code == .malformed)
        let located = error.diagnostics.map { "\($0.file):\($0.line):\($0.column) \($0.severity)" }
        #expect(
            located == [
                "bad.xml:4:14 fatal", "bad.xml:5:14 fatal", "bad.xml:5:14 fatal", "bad.xml:5:14 fatal",
            ])
        #expect(error.diagnostics.map(\.message) == [
            "xmlParseEntityRef: no name",
            "AttValue: \" or ' expected",
            "attributes construct error",
            "Couldn't find end of Start Tag item line 5",
        ])
        #expect(error.message.hasPrefix("bad.xml:4:14: "))
    }

    @Test func mismatchedTagIsLocated() throws {
        let error = try #require(throws: XMLParseError.self) {
            try XMLDocument.parse(Array("<root>\n  <a>text</b>\n</root>\n".utf8), sourceName: "tags.xml")
        }
        // xmllint: "tags.xml:2: parser error : Opening and ending tag mismatch: a line 2 and b", caret at column 14.
        let first = try #require(error.diagnostics.first)
        #expect(first.line == 2)
        #expect(first.column == 14)
        #expect(first.message == "Opening and ending tag mismatch: a line 2 and b")
    }

    @Test func emptyInputAndMissingFileAreErrors() throws {
        let empty = try #require(throws: XMLParseError.self) { try XMLDocument.parse([], sourceName: "empty") }
        #expect(empty.code == .malformed)
        #expect(!empty.diagnostics.isEmpty)
        let missing = try #require(throws: XMLParseError.self) {
            try XMLDocument.parse(contentsOf: "/nonexistent/folio/file.xml")
        }
        #expect(missing.code == .unreadable)
    }

    @Test func parsesFromFile() throws {
        let directory = try makeTemporaryDirectory()
        let path = directory.appendingPathComponent("a.xml").path
        try Data("<a>\n<b>x</b></a>".utf8).write(to: URL(fileURLWithPath: path))
        let document = try XMLDocument.parse(contentsOf: path)
        #expect(document.sourceName == path)
        #expect(document.root?.firstChild(named: "b", namespace: nil)?.line == 2)
    }

    @Test func concurrentParsesKeepTheirOwnDiagnostics() throws {
        let results = Mutex<[Int: [String]]>([:])
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            // Each document breaks on a different line; each must see only its own errors.
            let body = String(repeating: "<ok/>\n", count: index) + "<broken attr=x/>\n"
            let source = "<root>\n" + body + "</root>\n"
            var seen: [String] = []
            for _ in 0..<20 {
                do {
                    _ = try XMLDocument.parse(Array(source.utf8), sourceName: "doc\(index)")
                } catch let error as XMLParseError {
                    seen += error.diagnostics.map { "\($0.file):\($0.line)" }
                } catch {
                    seen.append("unexpected \(error)")
                }
            }
            results.withLock { $0[index] = seen }
        }
        let all = results.withLock { $0 }
        for index in 0..<16 {
            let expected = "doc\(index):\(index + 2)"
            let seen = all[index] ?? []
            #expect(!seen.isEmpty)
            #expect(seen.allSatisfy { $0 == expected }, "document \(index) saw \(Set(seen))")
        }
    }
}
