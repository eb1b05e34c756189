import DocumentModel
import Foundation

/// ISO-8601 UTC timestamps for PDF metadata (no locale, no time zone database).
enum PDFDate {
    /// `2025-03-14T15:42:17Z`.
    static func iso8601(_ date: Date) -> String { CivilTime.iso8601UTC(date) }
}
