import CZip
public import Foundation

/// DIAN's ZIP packages, written and read with libzip: one signed XML per ZIP for SendBillSync,
/// base64-encoded into `contentFile`.
public enum DIANZip {
    /// One file inside a ZIP.
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var bytes: [UInt8]
        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    /// The largest entry ``entries(of:)`` inflates (a guard against ZIP bombs).
    public static let maximumEntrySize = 64 << 20

    /// A ZIP holding `xml` as `fileName` (deflated), e.g. `fv0900373115000240000002a.xml`.
    /// - Parameter modified: The entry's modification time (inject the clock; ZIP keeps local time at 2 s).
    /// - Throws: ``DIANZipError``.
    public static func make(fileName: String, xml: [UInt8], modified: Date) throws -> [UInt8] {
        try make([Entry(name: fileName, bytes: xml)], modified: modified)
    }

    /// A ZIP holding `entries` in order (deflated).
    /// - Throws: ``DIANZipError`` for an empty or duplicate name, or when libzip fails.
    public static func make(_ entries: [Entry], modified: Date) throws -> [UInt8] {
        var seen = Set<String>()
        for entry in entries {
            guard !entry.name.isEmpty, !entry.name.hasPrefix("/"), !entry.name.split(separator: "/").contains("..") else {
                throw DIANZipError(message: "'\(entry.name)' is not a valid file name inside a ZIP")
            }
            guard seen.insert(entry.name).inserted else {
                throw DIANZipError(message: "the ZIP would hold '\(entry.name)' twice")
            }
        }
        let archive = try ZipWriter()
        for entry in entries { try archive.add(entry, modified: modified) }
        return try archive.finish()
    }

    /// The files in `zip`, in their stored order.
    /// - Throws: ``DIANZipError`` when the bytes are not a readable ZIP or an entry is too large.
    public static func entries(of zip: [UInt8]) throws -> [Entry] {
        try ZipReader(zip).entries()
    }
}

/// A ZIP that could not be written or read.
public struct DIANZipError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

/// Builds a ZIP in memory: an empty buffer source kept alive past `zip_close`, then read back.
private final class ZipWriter {
    private let source: OpaquePointer  // zip_source_t*, kept with zip_source_keep
    private var archive: OpaquePointer?  // zip_t*, nil once closed or discarded

    init() throws {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(nil, 0, 0, &error) else {
            throw DIANZipError(message: "libzip: \(String(cString: zip_error_strerror(&error)))")
        }
        zip_source_keep(source)
        guard let archive = zip_open_from_source(source, ZIP_TRUNCATE, &error) else {
            zip_source_free(source)
            zip_source_free(source)
            throw DIANZipError(message: "libzip: \(String(cString: zip_error_strerror(&error)))")
        }
        self.source = source
        self.archive = archive
    }

    deinit {
        if let archive { zip_discard(archive) }
        zip_source_free(source)
    }

    func add(_ entry: DIANZip.Entry, modified: Date) throws {
        guard let archive else { throw DIANZipError(message: "the ZIP is closed") }
        let copy = malloc(max(entry.bytes.count, 1))!
        entry.bytes.withUnsafeBytes { if let base = $0.baseAddress { copy.copyMemory(from: base, byteCount: $0.count) } }
        guard let data = zip_source_buffer(archive, copy, zip_uint64_t(entry.bytes.count), 1) else {
            free(copy)
            throw failure("adding \(entry.name)")
        }
        let index = zip_file_add(archive, entry.name, data, zip_flags_t(ZIP_FL_ENC_UTF_8))
        guard index >= 0 else {
            zip_source_free(data)
            throw failure("adding \(entry.name)")
        }
        guard zip_set_file_compression(archive, zip_uint64_t(index), ZIP_CM_DEFLATE, 0) == 0,
            zip_file_set_mtime(archive, zip_uint64_t(index), time_t(modified.timeIntervalSince1970), 0) == 0
        else { throw failure("setting up \(entry.name)") }
    }

    /// Writes the central directory and returns the ZIP's bytes.
    func finish() throws -> [UInt8] {
        guard let open = archive else { throw DIANZipError(message: "the ZIP is closed") }
        guard zip_close(open) == 0 else { throw failure("writing the ZIP") }
        archive = nil
        guard zip_source_open(source) == 0 else { throw DIANZipError(message: "libzip: cannot reopen the written ZIP") }
        defer { zip_source_close(source) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = chunk.withUnsafeMutableBytes { zip_source_read(source, $0.baseAddress, zip_uint64_t($0.count)) }
            guard count >= 0 else { throw DIANZipError(message: "libzip: cannot read the written ZIP") }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<Int(count)])
        }
        return bytes
    }

    private func failure(_ what: String) -> DIANZipError {
        let text = archive.map { String(cString: zip_strerror($0)) } ?? "unknown error"
        return DIANZipError(message: "libzip: \(what): \(text)")
    }
}

/// Reads a ZIP from memory.
private final class ZipReader {
    private let archive: OpaquePointer  // zip_t*, owns its source

    init(_ bytes: [UInt8]) throws {
        guard bytes.count >= 22 else { throw DIANZipError(message: "\(bytes.count) bytes are too few for a ZIP") }
        let copy = malloc(bytes.count)!
        bytes.withUnsafeBytes { copy.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(copy, zip_uint64_t(bytes.count), 1, &error) else {
            free(copy)
            throw DIANZipError(message: "libzip: \(String(cString: zip_error_strerror(&error)))")
        }
        guard let archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) else {
            zip_source_free(source)
            throw DIANZipError(message: "not a readable ZIP: \(String(cString: zip_error_strerror(&error)))")
        }
        self.archive = archive
    }

    deinit { zip_discard(archive) }

    func entries() throws -> [DIANZip.Entry] {
        let count = zip_get_num_entries(archive, 0)
        var result: [DIANZip.Entry] = []
        for index in 0..<zip_uint64_t(max(count, 0)) {
            var stat = zip_stat_t()
            zip_stat_init(&stat)
            guard zip_stat_index(archive, index, 0, &stat) == 0, let rawName = stat.name else {
                throw DIANZipError(message: "ZIP entry \(index): \(String(cString: zip_strerror(archive)))")
            }
            let name = String(cString: rawName)
            guard stat.size <= zip_uint64_t(DIANZip.maximumEntrySize) else {
                throw DIANZipError(message: "ZIP entry \(name) inflates to \(stat.size) bytes, over the limit")
            }
            guard let file = zip_fopen_index(archive, index, 0) else {
                throw DIANZipError(message: "ZIP entry \(name): \(String(cString: zip_strerror(archive)))")
            }
            defer { zip_fclose(file) }
            var bytes = [UInt8](repeating: 0, count: Int(stat.size))
            let read = bytes.withUnsafeMutableBytes { zip_fread(file, $0.baseAddress, zip_uint64_t($0.count)) }
            guard read == Int64(stat.size) else {
                throw DIANZipError(message: "ZIP entry \(name): read \(read) of \(stat.size) bytes (damaged or bad CRC)")
            }
            result.append(DIANZip.Entry(name: name, bytes: bytes))
        }
        return result
    }
}
