// swift-tools-version:6.0
// Folio — DIAN electronic invoicing: UBL 2.1, graphic representation, printing.
// The target graph is the architecture (see ../shared/docs/ARCHITECTURE.md and CONTRIBUTING.md):
// pure modules import no C library; each C library is owned by exactly one Swift module.
import PackageDescription

// MARK: C libraries (Debian -dev packages, installed by scripts/setup-debian.sh)

let cTargets: [Target] = [
    .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
    .systemLibrary(name: "CPangoCairo", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev"])]),
    .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
    .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
    .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
    .systemLibrary(name: "CCUPS", providers: [.apt(["libcups2-dev"])]),
    .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
    .systemLibrary(name: "CMicroHTTPD", pkgConfig: "libmicrohttpd", providers: [.apt(["libmicrohttpd-dev"])]),
    .systemLibrary(name: "CXMLSec", pkgConfig: "xmlsec1-openssl", providers: [.apt(["libxmlsec1-dev"])]),
    .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
    .systemLibrary(name: "CZip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),
    // librsvg's header only, no pkgConfig: `pkg-config --libs librsvg-2.0` would link librsvg and its private
    // dependencies (gdk-pixbuf, gio, libmount, libblkid, libselinux: ~3 MB resident in every process) although
    // Render opens it with dlopen only when a document has an SVG. Its include directories are `rsvgHeaders`.
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    .systemLibrary(name: "CRSVG", providers: [.apt(["librsvg2-dev"])]),
]

/// The include directories `pkg-config --cflags librsvg-2.0` adds to what cairo and pangocairo already bring
/// (Debian 12's librsvg2-dev), for the modules that compile CRSVG's header.
let rsvgHeaders: [SwiftSetting] = [
    .unsafeFlags(["-Xcc", "-I/usr/include/librsvg-2.0", "-Xcc", "-I/usr/include/gdk-pixbuf-2.0"])
]

// MARK: Swift modules, lowest layer first

/// `-static-stdlib` for a release build of one executable, as `swift build --static-swift-stdlib` does for all:
/// the worker maps only the runtime code it touches instead of eight shared Swift libraries (about 6 MB less
/// resident). The runtime's own link list (static-stdlib-args.lnk) does not name Foundation's static archives,
/// which SwiftPM adds only for the global flag, so they are listed here, in one group since they refer to each
/// other.
let staticSwiftRuntime: [LinkerSetting] = [
    .unsafeFlags(
        ["-static-stdlib", "-Xlinker", "--start-group"]
            + [
                "Foundation", "FoundationEssentials", "FoundationInternationalization", "CoreFoundation", "_FoundationICU",
                "_FoundationCShims", "_FoundationCollections", "swiftSynchronization", "swiftDispatch", "swiftGlibc",
                "swift_StringProcessing", "swift_RegexParser", "swift_Concurrency",
            ].map { "-l" + $0 }
            + ["-Xlinker", "--end-group"],
        .when(configuration: .release))
]

let swiftTargets: [Target] = [
    // Pure values: money, NIT, parties, lines, taxes, the issued document.
    .target(name: "DocumentModel"),
    // SHA-384 and friends over OpenSSL.
    .target(name: "Hashing", dependencies: ["COpenSSL"]),
    // DIAN's codes (CUFE/CUDE/SoftwareSecurityCode), QR text, rules.
    .target(name: "DIANRules", dependencies: ["DocumentModel", "Hashing"]),
    // libxml2: parsing with located errors, tree building, XSD validation.
    .target(name: "XMLTree", dependencies: ["CLibXML2"]),
    // UBL 2.1 writer and reader.
    .target(name: "UBL", dependencies: ["DocumentModel", "XMLTree"]),
    // XAdES-EPES document signatures and WS-Security over xmlsec1 + OpenSSL; PKCS#12 identities.
    .target(name: "Signing", dependencies: ["CXMLSec"]),
    // Display model: formatted strings for templates (es-CO money, dates, words).
    .target(name: "DisplayModel", dependencies: ["DocumentModel"]),
    // Layouts/*.xml → checked template with source locations and diagnostics.
    .target(name: "LayoutTemplate", dependencies: ["XMLTree", "DisplayModel"]),
    // Template + display data + text measurer → backend-neutral page frames. Pure.
    .target(name: "LayoutEngine", dependencies: ["LayoutTemplate", "DisplayModel"]),
    // Page frames → PDF / PNG through Cairo + Pango; fonts from Fonts/ only; QR; SVG images through librsvg.
    .target(
        name: "Render", dependencies: ["LayoutEngine", "DocumentModel", "CCairo", "CPangoCairo", "CQREncode", "CRSVG", "CZlib"],
        swiftSettings: rsvgHeaders),
    // CUPS client.
    .target(name: "Printing", dependencies: ["CCUPS"]),
    // SQLite store: documents, events, numbering, print jobs.
    .target(name: "Store", dependencies: ["CSQLite", "DocumentModel"]),
    // libmicrohttpd server: request/response, router.
    .target(name: "HTTPServer", dependencies: ["CMicroHTTPD"]),
    // ERP JSON documents → drafts, with field-level errors.
    .target(name: "Intake", dependencies: ["DocumentModel"]),
    // DIAN web services: SOAP 1.2 over libcurl, DIAN ZIPs (libzip), responses, file names.
    .target(name: "DIANClient", dependencies: ["CCurl", "CZip", "XMLTree"]),
    // Folio's DIAN simulator: the same SOAP contract, server side, on HTTPServer.
    .target(
        name: "DIANSimulator",
        dependencies: ["DIANClient", "HTTPServer", "UBL", "DIANRules", "DocumentModel", "XMLTree"]),
    // DIAN's validation rules reproduced locally: DIAN codes, messages, fixes; code lists from CodeLists/. Pure.
    .target(name: "DIANValidation", dependencies: ["DocumentModel", "DIANRules"]),
    // Draft → numbered, coded, UBL document (stages).
    .target(name: "Issuance", dependencies: ["DocumentModel", "DIANRules", "UBL"]),
    // Wiring and configuration: the only module that knows every other.
    .target(
        name: "FolioApp",
        dependencies: [
            "DocumentModel", "DIANRules", "UBL", "DisplayModel", "LayoutTemplate", "LayoutEngine", "Render",
            "Printing", "Store", "HTTPServer", "Intake", "Issuance", "XMLTree", "Signing",
            "DIANClient", "DIANValidation", "DIANSimulator", "RenderProcess",
        ]
    ),
    .executableTarget(
        name: "folio",
        dependencies: [
            "FolioApp", "Issuance", "DIANValidation", "Printing", "Render", "DisplayModel", "Store", "LayoutTemplate",
            "DIANSimulator", "RenderProcess",
        ]),
    // Render worker processes: the wire format, the worker's loop and the pool that starts workers.
    .target(name: "RenderProcess", dependencies: ["Render", "DisplayModel", "LayoutTemplate"]),
    // The render worker: links only what drawing needs; in release with the Swift runtime and Foundation
    // linked statically (see staticSwiftRuntime below).
    .executableTarget(name: "folio-render", dependencies: ["RenderProcess"], linkerSettings: staticSwiftRuntime),
    // Test support: processes, private cupsd + ippeveprinter, temp dirs, external checkers.
    .target(name: "FolioTesting", dependencies: ["Printing", "DocumentModel"]),
]

let testTargets: [Target] = [
    .testTarget(name: "DocumentModelTests", dependencies: ["DocumentModel"]),
    .testTarget(name: "DIANRulesTests", dependencies: ["DIANRules", "DocumentModel"], resources: [.copy("Vectors")]),
    .testTarget(name: "XMLTreeTests", dependencies: ["XMLTree"]),
    .testTarget(name: "UBLTests", dependencies: ["UBL", "DocumentModel", "XMLTree", "FolioTesting"], exclude: ["Fixtures"]),
    .testTarget(
        name: "SigningTests", dependencies: ["Signing", "UBL", "DocumentModel", "XMLTree", "FolioTesting"],
        exclude: ["Fixtures"]),
    .testTarget(name: "DisplayModelTests", dependencies: ["DisplayModel", "DocumentModel"]),
    .testTarget(name: "LayoutEngineTests", dependencies: ["LayoutEngine", "LayoutTemplate", "DisplayModel"]),
    .testTarget(
        name: "RenderTests", dependencies: ["Render", "LayoutEngine", "LayoutTemplate", "DisplayModel", "FolioTesting"],
        exclude: ["Goldens", "Snapshots"]),
    .testTarget(name: "IntakeTests", dependencies: ["Intake", "DocumentModel"]),
    .testTarget(name: "IssuanceTests", dependencies: ["Issuance", "DocumentModel"]),
    .testTarget(name: "StoreTests", dependencies: ["Store", "DocumentModel", "FolioTesting"]),
    .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer"]),
    .testTarget(
        name: "DIANClientTests",
        dependencies: ["DIANClient", "DIANSimulator", "UBL", "DIANRules", "DocumentModel", "XMLTree", "FolioTesting"]),
    .testTarget(name: "DIANValidationTests", dependencies: ["DIANValidation", "DIANRules", "DocumentModel", "Issuance", "UBL", "Intake"]),
    .testTarget(
        name: "IntegrationTests",
        dependencies: [
            "FolioApp", "FolioTesting", "Printing", "Store", "DocumentModel", "DIANSimulator", "DIANClient", "UBL",
            "DisplayModel", "Render", "RenderProcess",
        ]),
]

// One settings loop for every Swift target (after apple/swift-log's Package.swift).
for target in swiftTargets + testTargets {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.unsafeFlags(["-require-explicit-sendable"]))
    target.swiftSettings = settings
}

let package = Package(
    name: "Folio",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "folio", targets: ["folio"]),
        .executable(name: "folio-render", targets: ["folio-render"]),
    ],
    targets: cTargets + swiftTargets + testTargets,
    swiftLanguageModes: [.v6]
)
