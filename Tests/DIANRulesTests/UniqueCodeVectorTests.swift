import DIANRules
import DocumentModel
import Foundation
import Testing

/// Every vector in unique-code-vectors.json (DIAN annex examples, recomputed independently with Python's
/// hashlib) is checked against Folio's implementation: both the concatenation and the digest.
struct UniqueCodeVectorTests {
    struct Vector: Decodable, CustomTestStringConvertible, Sendable {
        var id: String
        var kind: String
        var inputs: [String: String]
        var concatenation: String
        var expected_sha384_hex: String
        var testDescription: String { id }
    }

    struct VectorFile: Decodable { var vectors: [Vector] }

    static let vectors: [Vector] = {
        let url = Bundle.module.url(forResource: "Vectors/unique-code-vectors", withExtension: "json")!
        return try! JSONDecoder().decode(VectorFile.self, from: Data(contentsOf: url)).vectors
    }()

    @Test func theFileHasEveryKind() {
        #expect(Self.vectors.count == 7)
        #expect(Set(Self.vectors.map(\.kind)).count == 4)  // CUFE, CUDE, event CUDE, SoftwareSecurityCode
    }

    @Test(arguments: vectors)
    func vector(_ vector: Vector) throws {
        let i = vector.inputs
        switch vector.kind {
        case "CUFE", "CUDE":
            let fields = UniqueCode.Fields(
                number: i["NumFac"]!, issueDate: i["FecFac"]!, issueTime: i["HorFac"]!, lineExtension: i["ValFac"]!,
                iva: i["ValImp1"]!, inc: i["ValImp2"]!, ica: i["ValImp3"]!, payable: i["ValTot"]!,
                supplierID: i["NitOFE"]!, customerID: i["NumAdq"]!, key: i["ClTec"] ?? i["SoftwarePIN"]!,
                environment: i["TipoAmbiente"]!)
            #expect(fields.concatenation == vector.concatenation)
            #expect(UniqueCode.compute(fields) == vector.expected_sha384_hex)
        case "SoftwareSecurityCode":
            #expect(
                UniqueCode.softwareSecurityCode(softwareID: i["SoftwareID"]!, pin: i["PIN"]!, number: i["NumDoc"]!)
                    == vector.expected_sha384_hex)
        default:
            #expect(vector.kind.hasPrefix("CUDE-event"))
            let code = UniqueCode.eventCUDE(
                id: i["ID"]!, issueDate: i["IssueDate"]!, issueTime: i["IssueTime"]!, senderNIT: i["SenderNIT"]!,
                receiverNIT: i["ReceiverNIT"]!, responseCode: i["ResponseCode"]!, referenceID: i["DocumentReferenceID"]!,
                referenceTypeCode: i["DocumentTypeCode"]!, pin: i["SoftwarePIN"]!)
            #expect(code == vector.expected_sha384_hex)
        }
    }
}
