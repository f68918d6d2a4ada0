import Foundation

/// Where manifest-only plugins are found: each path given (`--plugins`, repeatable, and the
/// `:`-separated `GLEAN_PLUGINS`) is a plugin folder (it holds `manifest.yaml`) or a folder of
/// plugin folders, as users keep them (`~/glean-plugins/tonnage`, `~/glean-plugins/ports`).
public enum PluginSearchPath {
    /// The environment variable that lists plugin paths, `:`-separated like `PATH`.
    public static let variable = "GLEAN_PLUGINS"

    /// The paths `GLEAN_PLUGINS` lists (empty entries skipped).
    public static func environmentPaths(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        (environment[variable] ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
    }

    /// The plugin folders of `paths`, in order: a plugin folder as it is, a folder of plugin
    /// folders as its subfolders that hold a manifest, sorted by name. A folder reached twice
    /// is listed once. A path that is neither is an error naming it.
    public static func folders(_ paths: [String]) throws(PluginError) -> [String] {
        var folders: [String] = []
        var seen = Set<String>()
        func add(_ folder: String) {
            let key = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
            if seen.insert(key).inserted { folders.append(folder) }
        }
        let files = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw PluginError(file: path, message: "no such folder (--plugins names a plugin folder or a folder of plugin folders)")
            }
            guard isDirectory.boolValue else {
                throw PluginError(file: path, message: "not a folder (--plugins names a plugin folder, the one holding manifest.yaml, or a folder of them)")
            }
            if files.fileExists(atPath: (path as NSString).appendingPathComponent(PluginBundle.manifestFile)) {
                add(path)
                continue
            }
            let children = ((try? files.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
                .map { (path as NSString).appendingPathComponent($0) }
                .filter { files.fileExists(atPath: ($0 as NSString).appendingPathComponent(PluginBundle.manifestFile)) }
            guard !children.isEmpty else {
                throw PluginError(file: path, message: "no manifest.yaml in this folder nor in any folder inside it: not a plugin folder or a folder of plugin folders")
            }
            children.forEach(add)
        }
        return folders
    }
}
