import Foundation

/// The operating system's own words for why a file operation failed ("No such file or
/// directory"), which tell a person more than Foundation's wrapper ("NSCocoaErrorDomain error 256").
public enum SystemError {
    public static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        // On Linux the underlying error is a `POSIXError`, which `as? NSError` does not match.
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? any Error {
            let bridged = underlying as NSError
            if bridged.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(bridged.code))) }
        }
        return ns.localizedDescription
    }
}
