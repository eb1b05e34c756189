import DisplayModel
import DocumentModel
import Foundation
import Render
import Testing

/// `credit-note.xml` and `debit-note.xml` show the invoice the note refers to (number, date, CUFE) and DIAN's
/// concept, read back from the PDF with pdftotext.
@Suite struct NoteLayoutTests {
    @Test(arguments: [
        (DocumentKind.creditNote, "FACTURA REFERENCIADA Y CONCEPTO DE LA NOTA CRÉDITO", "Concepto: 2 – Anulación de factura electrónica"),
        (DocumentKind.debitNote, "FACTURA REFERENCIADA Y CONCEPTO DE LA NOTA DÉBITO", "Concepto: 3 – Cambio del valor"),
    ])
    func aNoteShowsItsInvoiceAndConcept(kind: DocumentKind, heading: String, concept: String) throws {
        let document = TestDocuments.invoice(lines: 2, kind: kind, number: "NC-7")
        let layout = DocumentDisplay.layoutName(for: kind)
        let file = try RenderedFile(layout: layout, data: TestDocuments.display(document), title: "nota")
        defer { file.scratch.remove() }
        #expect(file.pdf.warnings == [])
        let text = try file.text().whitespaceNormalised
        #expect(text.contains(heading))
        #expect(text.contains("Factura No.: SETP990000041"))
        #expect(text.contains("Fecha de la factura: 28/02/2025"))
        #expect(text.contains("CUFE: " + TestDocuments.cufe))
        #expect(text.contains(concept))
    }
}
