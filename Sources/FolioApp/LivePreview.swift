import Foundation
import LayoutTemplate
public import Render

/// A designer's preview, drawn again after every save: `folio preview --watch` and the `/preview` page of
/// `folio serve`.
///
/// The fonts of `Fonts/` and the layout grammar are loaded once, in `init` (a font added while a preview
/// runs needs a restart). The templates are loaded again only when a layout of the folder was saved: before
/// each render the size, modification time and inode of every `*.xml` beside the previewed layout are
/// compared with those of the last load. A load checks again each file whose bytes changed, and every layout
/// that `extends` another; the others are kept (``DocumentRenderer/init(layoutsDirectory:fonts:schemas:grammar:reusing:)``).
/// Images (logos, `<image>` files) are decoded again on every render, so a replaced asset shows at once.
/// A folder with a broken template renders nothing: ``render(_:source:layout:)`` throws its diagnostics until
/// it is fixed, as a fresh ``DocumentPreview`` would.
///
/// Renders one at a time (`@unchecked Sendable`: every stored property but the immutable ones is only
/// touched while `lock` is held).
public final class LivePreview: @unchecked Sendable {
    public let layoutsDirectory: String
    /// The fonts every render uses, loaded once.
    public let fonts: FontBook
    private let grammar: LayoutGrammar?
    private let configuration: FolioConfiguration?
    private let world: FolioWorld
    private let lock = NSLock()
    /// The layout files' stamps when the templates were last loaded, and the outcome.
    private var loaded: (files: [String: FileStamp], preview: Result<DocumentPreview, any Error>)?
    /// The last renderer that loaded; the next one takes over its render sessions.
    private var lastRenderer: DocumentRenderer?
    private var loads = 0

    /// Loads the fonts of `fontsDirectory` and the grammar shipped beside the layouts (`schema/layout.rng`).
    /// - Throws: ``RenderError`` `.fontsUnavailable`, or `.invalidTemplate` when the grammar is broken.
    public init(layoutsDirectory: String, fontsDirectory: String, configuration: FolioConfiguration?, world: FolioWorld) throws {
        do {
            grammar = try LayoutGrammar.shipped(in: layoutsDirectory)
        } catch {
            throw RenderError(code: .invalidTemplate, message: "\(error)", underlying: error as? LayoutGrammarError)
        }
        fonts = try FontBook(directory: fontsDirectory)
        self.layoutsDirectory = layoutsDirectory
        self.configuration = configuration
        self.world = world
    }

    /// How many times the templates have been loaded (each a read and check of every layout of the folder).
    public var templateLoads: Int { lock.withLock { loads } }

    /// Renders `bytes` as ``DocumentPreview/render(_:source:png:layout:)`` does, with its PNG pages, after
    /// loading the templates again if a layout changed.
    /// - Throws: ``RenderError`` `.invalidTemplate` with every broken template's diagnostics, or what
    ///   ``DocumentPreview/render(_:source:png:layout:)`` throws.
    public func render(_ bytes: [UInt8], source: String, layout: String? = nil) throws -> DocumentPreview.Output {
        try lock.withLock {
            let preview = try current().get()
            preview.renderer.forgetDecodedImages()
            return try preview.render(bytes, source: source, png: true, layout: layout)
        }
    }

    /// The preview of the templates as they are on disk now: the loaded one if no layout file was saved since.
    private func current() -> Result<DocumentPreview, any Error> {
        // Stamped before loading: a save during the load is seen as a change by the next render.
        let files = layoutFiles()
        if let loaded, loaded.files == files { return loaded.preview }
        loads += 1
        let preview = Result<DocumentPreview, any Error> {
            let renderer = try DocumentRenderer(
                layoutsDirectory: layoutsDirectory, fonts: fonts, grammar: grammar, reusing: lastRenderer)
            lastRenderer = renderer
            return DocumentPreview(renderer: renderer, configuration: configuration, world: world)
        }
        loaded = (files, preview)
        return preview
    }

    /// The stamp of every `*.xml` in the layouts folder, by name.
    private func layoutFiles() -> [String: FileStamp] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: layoutsDirectory)) ?? []
        var files: [String: FileStamp] = [:]
        for name in names where name.hasSuffix(".xml") {
            files[name] = FileStamp(path: layoutsDirectory + "/" + name)
        }
        return files
    }

    /// What changes when a file is saved: its size, modification time (to the nanosecond) and inode (an editor
    /// that saves by renaming a new file over the old one).
    struct FileStamp: Equatable {
        var size: Int
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64

        /// The stamp of `path`; all zero when it cannot be read.
        init(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else {
                (size, seconds, nanoseconds, inode) = (0, 0, 0, 0)
                return
            }
            size = Int(info.st_size)
            seconds = Int(info.st_mtim.tv_sec)
            nanoseconds = Int(info.st_mtim.tv_nsec)
            inode = UInt64(info.st_ino)
        }
    }
}
