import Foundation
import Testing

@testable import Render

/// librsvg is opened with dlopen when the first SVG is decoded (``LibRSVG``); these are the failures an SVG
/// then reports. The texts after the library name are glibc's dlerror() messages.
@Suite struct LibRSVGLoadingTests {
    @Test func aLibraryThatCannotBeOpenedFailsTheImageNamingItAndTheLoadersReason() throws {
        let failure = try #require(throws: LibRSVG.LoadFailure.self) {
            try LibRSVG(opening: "libfolio-no-such-library.so.9")
        }
        #expect(failure.library == "libfolio-no-such-library.so.9")
        #expect(
            failure.reason == "libfolio-no-such-library.so.9: cannot open shared object file: No such file or directory")
        let error = failure.renderError(image: "/srv/layouts/assets/logo.svg")
        #expect(error.code == .missingAsset)
        #expect(
            error.message
                == "cannot decode image /srv/layouts/assets/logo.svg as SVG: libfolio-no-such-library.so.9 could not be "
                + "loaded: libfolio-no-such-library.so.9: cannot open shared object file: No such file or directory")
    }

    @Test func aLibraryWithoutLibrsvgsFunctionsIsRefused() throws {
        // libm opens, but has no rsvg_handle_new_from_data (the first function looked up).
        let failure = try #require(throws: LibRSVG.LoadFailure.self) { try LibRSVG(opening: "libm.so.6") }
        #expect(failure.reason.hasSuffix("libm.so.6: undefined symbol: rsvg_handle_new_from_data"), "\(failure.reason)")
    }

    @Test func theInstalledLibrsvgOpensWithEveryFunction() throws {
        _ = try LibRSVG(opening: LibRSVG.soname)
        #expect(LibRSVG.soname == "librsvg-2.so.2")
    }
}
