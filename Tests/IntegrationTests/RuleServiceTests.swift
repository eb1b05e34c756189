import FolioApp
import FolioTesting
import Foundation
import HTTPServer
import Testing

/// DIAN's rules at the service boundary: an ERP document that breaks a Rechazo rule is refused with DIAN's code
/// and leaves its number free; a Notificación is issued and recorded on the timeline; the catalogue is served.
struct RuleServiceTests {
    /// 01-three-lines.json with the buyer's address changed.
    private func example(cityCode: String, city: String) throws -> [UInt8] {
        var json = try JSONSerialization.jsonObject(with: Data(try TestWorld.example("01-three-lines.json"))) as! [String: Any]
        var buyer = json["buyer"] as! [String: Any]
        var address = buyer["address"] as! [String: Any]
        address["city_code"] = cityCode
        address["city"] = city
        address["department_code"] = String(cityCode.prefix(2))
        buyer["address"] = address
        json["buyer"] = buyer
        json["reference"] = "RULES-\(cityCode)-\(city)"
        return [UInt8](try JSONSerialization.data(withJSONObject: json))
    }

    @Test func aRejectedDocumentIsRefusedWithDIANsCodeAndItsNumberStaysFree() async throws {
        let harness = try ServiceAPITests.Harness()
        let refused = await harness.post(try example(cityCode: "11999", city: "Bogotá"))
        #expect(refused.status == 422)
        let error = try #require(ServiceAPITests.json(refused)["error"] as? [String: Any])
        #expect(error["code"] as? String == "validation_failed")
        let details = ServiceAPITests.details(refused)
        #expect(details.count == 1)
        #expect(details.first?["code"] as? String == "FAK07")
        #expect(details.first?["field"] as? String == "customer.address.cityCode")
        #expect(
            details.first?["message"] as? String
                == "The buyer's municipality code must be a DANE code of DIAN's Municipio list. Here: \"11999\" is not a DANE municipality code of DIAN's list. Fix: Send the 5-digit DANE municipality code (11001 Bogotá, 05001 Medellín, …).")
        #expect(await harness.get("/v1/documents/SETP990000000").status == 404)

        let issued = await harness.post(try TestWorld.example("01-three-lines.json"))
        #expect(issued.status == 201)
        #expect(ServiceAPITests.json(issued)["number"] as? String == "SETP990000000")
    }

    @Test func aNotificationIsIssuedAndRecordedOnTheTimeline() async throws {
        let harness = try ServiceAPITests.Harness()
        let response = await harness.post(try example(cityCode: "05001", city: "Medellin"))
        #expect(response.status == 201, "\(String(decoding: response.body, as: UTF8.self))")
        let number = try #require(ServiceAPITests.json(response)["number"] as? String)
        let document = ServiceAPITests.json(await harness.get("/v1/documents/\(number)"))
        let events = try #require(document["events"] as? [[String: Any]])
        let rules = events.filter { $0["kind"] as? String == "rules" }
        #expect(rules.count == 1)
        #expect(
            rules.first?["detail"] as? String
                == "FAK10 (customer.address.cityName): The buyer's city name should be the name DIAN's Municipio list gives its code. Here: \"Medellin\" for 05001; DIAN's list says \"Medellín\"")
    }

    @Test func anExampleLeavesNoRulesEvent() async throws {
        let harness = try ServiceAPITests.Harness()
        let response = await harness.post(try TestWorld.example("02-mixed-iva.json"))
        #expect(response.status == 201)
        let number = try #require(ServiceAPITests.json(response)["number"] as? String)
        let events = ServiceAPITests.json(await harness.get("/v1/documents/\(number)"))["events"] as? [[String: Any]] ?? []
        #expect(!events.isEmpty)
        #expect(!events.contains { $0["kind"] as? String == "rules" })
    }

    @Test func getRulesServesTheCatalogue() async throws {
        let harness = try ServiceAPITests.Harness()
        let response = await harness.get("/rules")
        #expect(response.status == 200)
        let body = ServiceAPITests.json(response)
        #expect(body["tolerance"] as? String == "2.00")
        let rules = try #require(body["rules"] as? [[String: Any]])
        let fau02 = try #require(rules.first { $0["code"] as? String == "FAU02" })
        #expect(fau02["severity"] as? String == "rejection")
        #expect(fau02["field"] as? String == "cac:LegalMonetaryTotal/cbc:LineExtensionAmount")
        #expect(rules.first { $0["code"] as? String == "FAX14" }?["severity"] as? String == "notification")
        #expect(rules.contains { $0["code"] as? String == "CBF03a" })
    }

    @Test func folioIssueNamesTheRuleAndPrintsNotifications() throws {
        let directory = try makeTemporaryDirectory(prefix: "folio-rules-cli")
        let config = try TestWorld.writeConfiguration(in: directory)
        let refusedInput = try TestWorld.write(try example(cityCode: "11999", city: "Bogotá"), "refused.json", in: directory)
        let refused = try CLITests.folio(["issue", refusedInput.path, "--config", config.path, "--out", directory.appendingPathComponent("out").path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("[FAK07] customer.address.cityCode: The buyer's municipality code must be a DANE code of DIAN's Municipio list."), "\(refused.stderr)")
        let warnedInput = try TestWorld.write(try example(cityCode: "05001", city: "Medellin"), "warned.json", in: directory)
        let warned = try CLITests.folio(["issue", warnedInput.path, "--config", config.path, "--out", directory.appendingPathComponent("out").path])
        #expect(warned.status == 0, "\(warned.stderr)")
        #expect(warned.stdout.hasPrefix("SETP990000000 "))
        #expect(warned.stdout.contains("DIAN notifications: FAK10 (customer.address.cityName)"))
    }

    @Test func folioRulesPrintsTheCatalogue() throws {
        let text = try CLITests.folio(["rules"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("FAU14 (Rechazo) cac:LegalMonetaryTotal/cbc:PayableAmount\n"))
        let json = try CLITests.folio(["rules", "--json"])
        #expect(json.status == 0, "\(json.stderr)")
        let body = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((body["rules"] as? [[String: Any]])?.contains { $0["code"] as? String == "FAD09e" } == true)
        let usage = try CLITests.folio(["rules", "--bogus"])
        #expect(usage.status == 2)
    }
}
