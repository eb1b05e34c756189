import Foundation

extension IssuanceWiring {
    /// The signers and DIAN gateways the configuration describes.
    init(configuration: FolioConfiguration, world: FolioWorld) throws {
        self.init()
    }
}
