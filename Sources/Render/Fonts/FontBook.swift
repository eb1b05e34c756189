import CPangoCairo
import Foundation
public import LayoutTemplate

/// The fonts of `Fonts/`, loaded into a private fontconfig configuration: no system font is ever visible,
/// so what a template asks for is exactly what the bundled files provide.
///
/// Immutable after `init`, hence `@unchecked Sendable`: the `FcConfig` is only read (by every render
/// session's Pango font map), and fontconfig guards its configurations for concurrent readers.
public final class FontBook: @unchecked Sendable {
    /// `FcConfig*`, owned.
    let config: OpaquePointer
    /// The faces found, for template checking.
    public let catalog: FontCatalog
    public let directory: String

    /// Loads every font file in `directory` (and nothing else).
    /// - Throws: ``RenderError`` `.fontsUnavailable` when the directory holds no font.
    public init(directory: String) throws {
        guard let config = FcConfigCreate() else {
            throw RenderError(code: .fontsUnavailable, message: "fontconfig could not create a configuration")
        }
        // An empty configuration has no cache directory and complains; give it a private one.
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("folio-fontconfig-cache").path
        let xml = "<?xml version=\"1.0\"?><fontconfig><cachedir>\(cache)</cachedir></fontconfig>"
        _ = FcConfigParseAndLoadFromMemory(config, xml, 1)
        guard FcConfigAppFontAddDir(config, directory) != 0 else {
            FcConfigDestroy(config)
            throw RenderError(code: .fontsUnavailable, message: "cannot read the fonts directory \(directory)")
        }
        var faces: Set<FontFace> = []
        if let set = FcConfigGetFonts(config, FcSetApplication) {
            for index in 0..<Int(set.pointee.nfont) {
                guard let pattern = set.pointee.fonts[index] else { continue }
                var family: UnsafeMutablePointer<FcChar8>?
                guard FcPatternGetString(pattern, FC_FAMILY, 0, &family) == FcResultMatch, let family else { continue }
                var weight: Int32 = 80
                var slant: Int32 = 0
                _ = FcPatternGetInteger(pattern, FC_WEIGHT, 0, &weight)
                _ = FcPatternGetInteger(pattern, FC_SLANT, 0, &slant)
                faces.insert(
                    FontFace(
                        family: String(cString: family), weight: weight >= 200 ? .bold : .normal,
                        slant: slant >= 100 ? .italic : .normal))
            }
        }
        guard !faces.isEmpty else {
            FcConfigDestroy(config)
            throw RenderError(code: .fontsUnavailable, message: "no font files in \(directory)")
        }
        self.config = config
        self.catalog = FontCatalog(faces: faces)
        self.directory = directory
    }

    deinit { FcConfigDestroy(config) }
}
