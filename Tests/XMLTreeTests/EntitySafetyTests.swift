import Foundation
import Testing
import XMLTree

/// External entities (XXE) must never be read: a signed document must say what its bytes say.
@Suite struct EntitySafetyTests {
    @Test func externalEntitiesAreNeverLoaded() throws {
        let directory = try makeTemporaryDirectory()
        let secret = directory.appendingPathComponent("secret.txt")
        try Data("TOP-SECRET-CONTENT".utf8).write(to: secret)
        let missing = directory.appendingPathComponent("does-not-exist.txt")
        let attack = """
            <?xml version="1.0"?>
            <!DOCTYPE root [
              <!ENTITY xxe SYSTEM "file://\(secret.path)">
              <!ENTITY probe SYSTEM "file://\(missing.path)">
            ]>
            <root><name>&xxe;</name><other>&probe;</other></root>
            """
        let path = directory.appendingPathComponent("attack.xml").path
        try Data(attack.utf8).write(to: URL(fileURLWithPath: path))

        // Independent check that the file really is an XXE: xmllint with --noent expands it.
        let xmllint = try ExternalTool("xmllint")
        let expanded = try xmllint.run(["--noent", path])
        #expect(expanded.stdoutText.contains("TOP-SECRET-CONTENT"))

        let document = try XMLDocument.parse(contentsOf: path)
        let root = try #require(document.root)
        #expect(root.firstChild(named: "name", namespace: nil)?.text == "")
        #expect(!String(decoding: document.serialized(), as: UTF8.self).contains("TOP-SECRET"))
        // Had libxml2 tried to load the missing one, it would have reported it; parsing reported nothing.
    }

    @Test func externalParameterEntityIsNotLoaded() throws {
        let directory = try makeTemporaryDirectory()
        let dtd = directory.appendingPathComponent("evil.dtd")
        try Data("<!ENTITY leak \"LEAKED-VIA-DTD\">".utf8).write(to: dtd)
        let attack = """
            <?xml version="1.0"?>
            <!DOCTYPE root [ <!ENTITY % remote SYSTEM "file://\(dtd.path)"> %remote; ]>
            <root>&leak;</root>
            """
        // Not loading the DTD leaves `leak` undeclared, which libxml2 reports as an error
        // (and with it, the document is refused) — either way the content never appears.
        do {
            let document = try XMLDocument.parse(Array(attack.utf8), sourceName: "pe.xml")
            #expect(!String(decoding: document.serialized(), as: UTF8.self).contains("LEAKED"))
            #expect(document.root?.text.contains("LEAKED") == false)
        } catch {
            let messages = error.diagnostics.map(\.message)
            #expect(!messages.contains { $0.contains("LEAKED") })
        }
    }
}
