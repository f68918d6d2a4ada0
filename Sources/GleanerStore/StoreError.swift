/// An error from the dataset store: what was being done, on which store, and why (the
/// underlying SQLite or JSON message), so a CLI can print it as it is.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }

    /// Runs `body`, turning any error it throws into a `StoreError` that says what failed.
    static func context<T>(_ what: @autoclosure () -> String, _ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw StoreError("\(what()): \(error.message)")
        } catch {
            throw StoreError("\(what()): \(error)")
        }
    }
}
