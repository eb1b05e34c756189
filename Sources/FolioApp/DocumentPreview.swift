import Foundation
import DisplayModel
import DocumentModel
import Intake
import Issuance
import Render
import UBL

/// `folio render`: draws any input without issuing it — an ERP JSON document (as a draft: nothing is numbered,
/// the number reads `<prefix>BORRADOR`) or any DIAN UBL 2.1 Invoice/CreditNote/DebitNote XML.
public final class DocumentPreview {
    let renderer: DocumentRenderer
    let configuration: FolioConfiguration?
    let world: FolioWorld

    public init(resources: FolioResources, configuration: FolioConfiguration?, world: FolioWorld) throws {
        renderer = try DocumentRenderer(layoutsDirectory: resources.layouts, fontsDirectory: resources.fonts)
        self.configuration = configuration
        self.world = world
    }

    /// The rendered input.
    public struct Output {
        public var number: String
        public var uniqueCode: String?
        public var pdf: [UInt8]
        public var pageCount: Int
        public var pngPages: [[UInt8]]
    }

    public func render(_ bytes: [UInt8], source: String, png: Bool) throws -> Output {
        let (document, company) = try read(bytes, source: source)
        let branding = company?.displayBranding ?? Branding()
        let data = DocumentDisplay.make(document, branding: branding, copy: false)
        let rendered = try renderer.renderPDF(layout: "invoice", data: data, title: document.number, creationDate: world.now())
        let pages = png ? try renderer.renderPNG(layout: "invoice", data: data, scale: 2) : []
        return Output(
            number: document.number, uniqueCode: document.uniqueCode, pdf: rendered.bytes, pageCount: rendered.pageCount,
            pngPages: pages)
    }

    func read(_ bytes: [UInt8], source: String) throws -> (ElectronicDocument, FolioConfiguration.Company?) {
        let firstByte = bytes.drop(while: { [0x20, 0x0A, 0x0D, 0x09, 0xEF, 0xBB, 0xBF].contains($0) }).first
        if firstByte == UInt8(ascii: "<") {
            let document = try UBLReader.read(bytes, sourceName: source)
            let company = configuration?.companies.first {
                $0.profile.supplier.identification.number == document.supplier.identification.number
            }
            return (document, company)
        }
        let draft: DocumentDraft
        do {
            draft = try ERPDocumentReader.read(bytes, source: source)
        } catch {
            throw SubmissionError(code: .validationFailed, source: source, problems: error.errors.map(Problem.init))
        }
        guard let configuration else {
            throw SubmissionError(
                code: .validationFailed, source: source,
                problems: [Problem(field: "company", message: "an ERP document needs --config to know its issuer")])
        }
        guard let company = configuration.company(draft.company) else {
            throw SubmissionError(
                code: .validationFailed, source: source,
                problems: [Problem(field: "company", message: "\"\(draft.company)\" is not a configured company")])
        }
        let number = company.profile.resolution.prefix + "BORRADOR"
        return (DocumentBuilder.build(draft, issuer: company.profile, number: number, at: world.now()), company)
    }
}
