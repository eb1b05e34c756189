import Foundation
public import DisplayModel
import DocumentModel
import Intake
import Issuance
import LayoutTemplate
public import Render
import UBL

/// `folio render`: draws any input without issuing it — an ERP JSON document (as a draft: nothing is numbered,
/// the number reads `<prefix>BORRADOR`), any DIAN UBL 2.1 Invoice/CreditNote/DebitNote XML (with the layout
/// of its kind: `invoice.xml`, `credit-note.xml`, `debit-note.xml`), or an ApplicationResponse XML — a RADIAN event or DIAN's response — (with
/// `Layouts/event.xml`).
public final class DocumentPreview {
    /// The renderer the layouts are drawn with.
    public let renderer: DocumentRenderer
    let configuration: FolioConfiguration?
    let world: FolioWorld

    public convenience init(resources: FolioResources, configuration: FolioConfiguration?, world: FolioWorld) throws {
        try self.init(
            layoutsDirectory: resources.layouts, fontsDirectory: resources.fonts, configuration: configuration, world: world)
    }

    /// A preview over another folder of layouts (a designer's working copy); every template in it is checked.
    public init(layoutsDirectory: String, fontsDirectory: String, configuration: FolioConfiguration?, world: FolioWorld) throws {
        renderer = try DocumentRenderer(layoutsDirectory: layoutsDirectory, fontsDirectory: fontsDirectory)
        self.configuration = configuration
        self.world = world
    }

    /// A preview drawing with `renderer` (its templates and fonts already loaded; see ``LivePreview``).
    public init(renderer: DocumentRenderer, configuration: FolioConfiguration?, world: FolioWorld) {
        self.renderer = renderer
        self.configuration = configuration
        self.world = world
    }

    /// The rendered input.
    public struct Output {
        /// The document's number, or the ApplicationResponse's `cbc:ID`.
        public var number: String
        /// The CUFE/CUDE, or the event's CUDE.
        public var uniqueCode: String?
        public var pdf: [UInt8]
        public var pageCount: Int
        public var pngPages: [[UInt8]]
        /// Problems that did not stop rendering (`missing-glyph`, `invalid-data`, …), in gcc format.
        public var warnings: [String] = []
    }

    /// What an input is drawn from: the layout, its display data, and the number and code it reports.
    struct Display {
        var layout: String
        var data: DisplayValue
        var number: String
        var uniqueCode: String?
    }

    /// Renders `bytes` with the layout its kind calls for, or with `layout` when given (a designer's preview).
    /// Besides documents, a preview accepts display data as JSON (the fields a template binds, e.g. a sample
    /// file next to a layout).
    /// With `png`, the PDF and the PNG pages (2 pixels per point, 144 dpi) come from one layout pass and the
    /// pages are compressed in parallel (``DocumentRenderer/renderPDFAndPNG(layout:data:title:creationDate:scale:)``).
    public func render(_ bytes: [UInt8], source: String, png: Bool, layout: String? = nil) throws -> Output {
        let display = try self.display(of: bytes, source: source, layout: layout)
        let rendered: RenderedPDF
        var pages: [[UInt8]] = []
        if png {
            let both = try renderer.renderPDFAndPNG(
                layout: display.layout, data: display.data, title: display.title, creationDate: world.now(),
                scale: Self.pngScale)
            rendered = both.pdf
            pages = both.pngPages
        } else {
            rendered = try renderer.renderPDF(
                layout: display.layout, data: display.data, title: display.title, creationDate: world.now())
        }
        return Output(
            number: display.title, uniqueCode: display.uniqueCode, pdf: rendered.bytes, pageCount: rendered.pageCount,
            pngPages: pages, warnings: rendered.warnings.map(\.description))
    }

    /// Pixels per point of the PNG pages: 144 dpi, small print still readable.
    public static let pngScale = 2.0

    /// What ``render(_:source:png:layout:)`` draws `bytes` with: the layout (`layout` when given), the display
    /// data, the document's number (the PDF's title) and its CUFE/CUDE. For benchmarks and tests that call the
    /// ``renderer`` themselves.
    public func display(of bytes: [UInt8], source: String, layout: String? = nil) throws
        -> (layout: String, data: DisplayValue, title: String, uniqueCode: String?)
    {
        var display = try self.display(bytes, source: source, displayDataAllowed: layout != nil)
        if let layout { display.layout = layout }
        return (display.layout, display.data, display.number, display.uniqueCode)
    }

    func display(_ bytes: [UInt8], source: String, displayDataAllowed: Bool = false) throws -> Display {
        let firstByte = bytes.drop(while: { [0x20, 0x0A, 0x0D, 0x09, 0xEF, 0xBB, 0xBF].contains($0) }).first
        guard firstByte == UInt8(ascii: "<") else {
            if displayDataAllowed, let data = try? DisplayValue(json: bytes), data[field: "reference"] == nil {
                return Display(layout: DocumentDisplay.layoutName, data: data, number: source, uniqueCode: nil)
            }
            return display(try draft(bytes, source: source), draft: true)
        }
        switch try UBLReader.readAny(bytes, sourceName: source) {
        case .document(let document):
            if let issuer = company(identifiedBy: [document.supplier.identification.number]) {
                return display((document, issuer))
            }
            // Not issued by a configured company but addressed to one: a supplier's invoice Folio received.
            if let receiver = company(identifiedBy: [document.customer.identification.number]) {
                var shown = display((document, nil))
                shown.layout = Self.supplierLayout
                shown.data = DocumentDisplay.make(document, branding: receiver.displayBranding)
                return shown
            }
            return display((document, nil))
        case .applicationResponse(let response):
            // The company the response concerns: its author (an event Folio's company sent), else the
            // party it is addressed to (an event on the company's invoice, DIAN's verdict).
            let company = company(
                identifiedBy: [response.sender.identification.number, response.receiver.identification.number])
            return Display(
                layout: EventDisplay.layoutName,
                data: EventDisplay.make(response, branding: company?.displayBranding ?? Branding()),
                number: response.id, uniqueCode: response.uuid)
        }
    }

    /// - Parameter draft: the document was built here from ERP JSON and never issued: it carries the draft mark.
    /// The view of an invoice a configured company received from its supplier.
    static let supplierLayout = "supplier-invoice"

    private func display(_ input: (ElectronicDocument, FolioConfiguration.Company?), draft: Bool = false) -> Display {
        let (document, company) = input
        return Display(
            layout: company?.layout(for: document.kind) ?? DocumentDisplay.layoutName(for: document.kind),
            data: DocumentDisplay.make(document, branding: company?.displayBranding ?? Branding(), draft: draft),
            number: document.number, uniqueCode: document.uniqueCode)
    }

    /// The first configured company whose NIT is one of `numbers`, in their order.
    private func company(identifiedBy numbers: [String]) -> FolioConfiguration.Company? {
        for number in numbers {
            if let company = configuration?.companies.first(where: { $0.profile.supplier.identification.number == number }) {
                return company
            }
        }
        return nil
    }

    /// An ERP JSON document as a draft of the company it names.
    private func draft(_ bytes: [UInt8], source: String) throws -> (ElectronicDocument, FolioConfiguration.Company?) {
        let draft: DocumentDraft
        do {
            draft = try ERPDocumentReader.read(bytes, source: source)
        } catch {
            throw SubmissionError(code: .validationFailed, source: source, problems: error.errors)
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
