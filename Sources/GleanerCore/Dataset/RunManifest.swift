/// `run.json`: the tool version, each plugin's id, version, origin and manifest hash, the
/// options, counts and timings of a run.
public struct RunManifest {
    public static let toolVersion = "0.1.0"
    public let engine: Engine
    public let summary: BatchRunner.Summary
    public let options: [(String, JSONValue)]

    public init(engine: Engine, summary: BatchRunner.Summary, options: [(String, JSONValue)]) {
        self.engine = engine
        self.summary = summary
        self.options = options
    }

    public var json: JSONValue {
        let counts: [(String, JSONValue)] = [
            ("documents", .int(summary.documents)), ("failedDocuments", .int(summary.failedDocuments)),
            ("bytes", .int(summary.bytes)),
            ("mentions", .object(summary.mentionsByKind.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
            ("entities", .int(summary.entities.count)),
        ]
        return .object([
            ("tool", .string("glean")), ("version", .string(Self.toolVersion)), ("plugins", Self.plugins(engine)),
            ("options", .object(options)), ("counts", .object(counts)),
            ("timings", .object([("seconds", .number(ExactNumber(significand: Int128(summary.seconds * 1e6), exponent: -6)))])),
        ])
    }

    /// Each plugin's id, version, kind, origin and manifest hash.
    public static func plugins(_ engine: Engine) -> JSONValue {
        .array(engine.plugins.map { plugin in
            .object([("id", .string(plugin.id)), ("version", .string(plugin.manifest.version)),
                     ("kind", .string(plugin.kind)), ("origin", .string(plugin.manifest.origin)),
                     ("manifestSHA256", .string(plugin.manifestSHA256))])
        })
    }

    public var bytes: [UInt8] {
        var buffer: [UInt8] = []
        JSONWriter.append(json, to: &buffer)
        buffer.append(0x0A)
        return buffer
    }
}
