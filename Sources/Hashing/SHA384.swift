import COpenSSL

/// SHA-384 over OpenSSL's EVP interface, the digest of every DIAN unique code (CUFE, CUDE, CUDS) and of
/// the SoftwareSecurityCode.
public enum SHA384 {
    /// The digest of `bytes`.
    public static func digest(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ok = Array(bytes).withUnsafeBytes { input in
            output.withUnsafeMutableBytes { out in
                EVP_Digest(
                    input.baseAddress, input.count, out.baseAddress?.assumingMemoryBound(to: UInt8.self), &length,
                    EVP_sha384(), nil)
            }
        }
        // EVP_Digest with a built-in digest and no engine only fails on allocation failure.
        precondition(ok == 1, "EVP_Digest(SHA-384) failed")
        return Array(output.prefix(Int(length)))
    }

    /// The lowercase hexadecimal digest of the UTF-8 bytes of `text` (96 characters).
    public static func hex(_ text: String) -> String {
        Hex.lowercase(digest(Array(text.utf8)))
    }
}

/// Lowercase hexadecimal encoding.
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    public static func lowercase(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
