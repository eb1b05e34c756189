import DIANValidation
import DocumentModel
import Foundation
import Testing

struct CatalogueTests {
    @Test func codesAreUniqueAndEveryRuleSaysHowToFixIt() {
        let codes = RuleCatalogue.all.map(\.code)
        #expect(Set(codes).count == codes.count)
        for rule in RuleCatalogue.all {
            #expect(!rule.message.isEmpty && !rule.fix.isEmpty && !rule.field.isEmpty && !rule.source.isEmpty, "\(rule.code)")
        }
    }

    @Test func theCatalogueHoldsDIANsCodesForEachDocumentType() throws {
        let fau02 = try #require(RuleCatalogue.rule(code: "FAU02"))
        #expect(fau02.severity == .rejection)
        #expect(fau02.message.hasPrefix("The line extension total must be the sum of the lines' line extension amounts, within DIAN's tolerance of ±2.00"))
        #expect(RuleCatalogue.rule(code: "CAU02")?.message == fau02.message)
        #expect(RuleCatalogue.rule(code: "DAU02") != nil)
        #expect(RuleCatalogue.rule(code: "FAX14")?.severity == .notification)
        #expect(RuleCatalogue.rule(code: "FAJ10")?.severity == .notification)
        #expect(RuleCatalogue.rule(code: "FAD09e")?.message == "The issue date must be the date the document is signed.")
        #expect(RuleCatalogue.rule(code: "CBF03a")?.message == "A credit note that voids an invoice (concept 2) must reference it with its CUFE (96 hex characters).")
        // Invoice-only and note-only rules exist only under their own code.
        #expect(RuleCatalogue.rule(code: "CAB05a") == nil)
        #expect(RuleCatalogue.rule(code: "FBF03a") == nil)
        #expect(RuleCatalogue.rule(code: "VLR01") != nil)
        #expect(RuleCatalogue.tolerance == Amount(2))
    }

    @Test func aDerivedNoteCodeSaysSo() throws {
        #expect(try #require(RuleCatalogue.rule(code: "CAJ24")).source.contains("derived from FAJ24"))
        #expect(!(try #require(RuleCatalogue.rule(code: "CAS07")).source.contains("derived")))
    }

    @Test func docsRulesListsEveryRuleOfTheCatalogue() throws {
        let text = try String(contentsOf: Fixtures.root.appendingPathComponent("Docs/rules.md"), encoding: .utf8)
        for rule in RuleCatalogue.all {
            #expect(text.contains("| `\(rule.code)` |"), "Docs/rules.md does not list \(rule.code)")
        }
    }

    @Test func findingsReadLikeDIANsAnswers() throws {
        var document = Fixtures.invoice()
        document.lines[1].quantity = 0
        let finding = try #require(try Fixtures.check(document, context: Fixtures.context).first)
        #expect(finding.description == "Regla: FAV04, Rechazo: A line's quantity must be greater than 0. (lines[2].quantity: quantity 0)")
        let json = String(decoding: try JSONEncoder().encode(finding.rule), as: UTF8.self)
        #expect(json.contains("\"severity\":\"rejection\""))
    }
}
