import Foundation

/// A plugin's files before loading: `manifest.yaml` and the lexicons it names. Built-in
/// plugins bring theirs embedded in the binary; `--plugins DIR` reads them from a folder.
public struct PluginBundle: Sendable {
    /// `built-in` or the folder's path; used in messages and `glean plugins list`.
    public let origin: String
    public let files: [String: [UInt8]]

    public init(origin: String, files: [String: [UInt8]]) {
        self.origin = origin
        self.files = files
    }

    public static let manifestFile = "manifest.yaml"

    /// Reads a manifest-only plugin folder: `manifest.yaml` and every `.tsv` beside it.
    public static func directory(_ path: String) throws(PluginError) -> PluginBundle {
        let folder = URL(fileURLWithPath: path)
        let manifest = folder.appendingPathComponent(manifestFile)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw PluginError(file: path, message: "no such folder (--plugins names a plugin folder)")
        }
        guard isFolder.boolValue else {
            throw PluginError(file: path, message: "not a folder (--plugins names a plugin folder, the one holding manifest.yaml)")
        }
        guard FileManager.default.fileExists(atPath: manifest.path) else {
            throw PluginError(file: manifest.path, message: "no manifest.yaml in plugin folder \(path)")
        }
        var files: [String: [UInt8]] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for name in names where name == manifestFile || name.hasSuffix(".tsv") {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
                throw PluginError(file: folder.appendingPathComponent(name).path, message: "cannot read the file")
            }
            files[name] = [UInt8](data)
        }
        return PluginBundle(origin: path, files: files)
    }

    func path(of file: String) -> String {
        origin == "built-in" ? file : (origin.hasSuffix("/") ? origin + file : origin + "/" + file)
    }
}
