import Foundation

/// What the overview page shows, added up one document at a time while the report is written
/// (memory grows with the number of distinct names, kinds and years, never with the texts):
/// counts per kind, the programs and exercises with their editions, money per program, the
/// timeline of dated mentions.
struct ReportTally {
    struct KindCount {
        var kind: String
        var mentions = 0
        var documents = 0
    }

    struct Named {
        var name: String
        var kind: String
        var mentions = 0
        var documents = 0
        var editions: Set<Int> = []
        var acronyms: Set<String> = []
        var lastDocument = -1
    }

    struct Money {
        var program: String
        var currency: String
        var total: Decimal = 0
        var amounts = 0
        var documents = 0
        var lastDocument = -1
    }

    private(set) var documents = 0
    private(set) var failed = 0
    private(set) var mentions = 0
    /// In order of first appearance (the run's plugin order, from the documents' counts).
    private(set) var kinds: [KindCount] = []
    private(set) var plugins: [String: Int] = [:]
    private(set) var named: [String: Named] = [:]
    private(set) var money: [String: Money] = [:]
    /// dateStart's year → dated mentions.
    private(set) var years: [Int: Int] = [:]
    /// Dates without bounds (unknown year).
    private(set) var undated = 0
    /// Mentions without a sentence (a dataset written before they had one).
    private(set) var withoutSentence = 0

    /// The kinds that the overview's tables of names hold.
    static let namedKinds: Set<String> = ["program", "exercise"]

    func kindIndex(_ kind: String) -> Int? { kinds.firstIndex { $0.kind == kind } }

    mutating func noteKind(_ kind: String) {
        if kindIndex(kind) == nil { kinds.append(KindCount(kind: kind)) }
    }

    /// Adds one document: its run's kinds (from its `counts`, zeros too), status and mentions
    /// (in start order).
    mutating func add(documentKinds: [String], ok: Bool, mentions list: [ReportMention]) {
        let number = documents
        documents += 1
        if !ok { failed += 1 }
        for kind in documentKinds { noteKind(kind) }
        mentions += list.count
        var kindsHere = Set<String>()
        for mention in list {
            noteKind(mention.kind)
            if kindsHere.insert(mention.kind).inserted { kinds[kindIndex(mention.kind)!].documents += 1 }
            kinds[kindIndex(mention.kind)!].mentions += 1
            plugins[mention.plugin, default: 0] += 1
            if Self.namedKinds.contains(mention.kind), let name = mention.value["name"]?.stringValue {
                let key = mention.kind + "\u{0}" + name
                var entry = named[key] ?? Named(name: name, kind: mention.kind)
                entry.mentions += 1
                if entry.lastDocument != number { entry.documents += 1; entry.lastDocument = number }
                for key in ["year", "edition"] {
                    if case .number(let n)? = mention.value[key], let edition = Int(n.description) { entry.editions.insert(edition) }
                }
                if let acronym = mention.value["acronym"]?.stringValue { entry.acronyms.insert(acronym) }
                named[key] = entry
            }
            if mention.kind == "date" {
                if let start = mention.dateStart, let year = Int(start.prefix(4)) { years[year, default: 0] += 1 } else { undated += 1 }
            }
            if mention.sentence == nil { withoutSentence += 1 }
        }
        addMoneyByProgram(list, document: number)
    }

    /// Money and programs that share a sentence: each amount counts for every program named
    /// in its sentence; an amount that restates another (`equivalentOf`) is not counted again.
    private mutating func addMoneyByProgram(_ list: [ReportMention], document: Int) {
        var index = 0
        while index < list.count {
            guard let sentence = list[index].sentence else { index += 1; continue }
            var end = index
            while end < list.count, list[end].sentence == sentence { end += 1 }
            let group = list[index..<end]
            index = end
            let programs = Set(group.filter { $0.kind == "program" }.compactMap { $0.value["name"]?.stringValue })
            guard !programs.isEmpty else { continue }
            for mention in group where mention.kind == "money" && mention.equivalentOf == nil {
                guard case .number(let amount)? = mention.value["amount"], let decimal = Decimal(string: amount.description),
                      let currency = mention.value["currency"]?.stringValue else { continue }
                for program in programs {
                    let key = program + "\u{0}" + currency
                    var entry = money[key] ?? Money(program: program, currency: currency)
                    entry.total += decimal
                    entry.amounts += 1
                    if entry.lastDocument != document { entry.documents += 1; entry.lastDocument = document }
                    money[key] = entry
                }
            }
        }
    }
}
