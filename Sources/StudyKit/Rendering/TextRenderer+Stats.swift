import Foundation

extension TextRenderer {
    public func statistics(_ stats: StudyStatistics, corpus: Corpus) -> String {
        var lines: [String] = []
        lines += wrapper.wrap(
            "Reviews today \(stats.reviewsToday) · this week \(stats.reviewsThisWeek) · total \(stats.reviews) · "
                + "due now \(stats.dueNow) · later today \(stats.dueLaterToday) · tomorrow \(stats.dueTomorrow)")
        let average = stats.averageScore.map(String.init) ?? "–"
        lines += wrapper.wrap(
            "Retention (30 days) \(Self.retention(stats)) · average score \(average) · \(stats.started) of \(stats.entries) entries started")
        lines.append(style.bold("Mastery") + style.dim(" (share of entries FSRS expects you to recall for \(Int(StudyStatistics.masteryStabilityDays))+ days)"))
        // Topics nobody has started would only repeat zeros; they are counted instead.
        let startedTags = stats.tags.filter { $0.reviewed > 0 }
        let groups = stats.sections + startedTags
        let nameWidth = min(groups.map { TextStyle.visibleWidth($0.name) }.max() ?? 0, 20)
        let barWidth = max(10, min(20, width - nameWidth - 20))
        for (index, group) in groups.enumerated() {
            if index == stats.sections.count { lines.append(style.dim("  by topic")) }
            let name = Self.pad(Self.truncate(group.name, to: nameWidth), to: nameWidth)
            let filled = Int((group.mastery * Double(barWidth)).rounded())
            let bar = style.good(String(repeating: "█", count: filled)) + style.dim(String(repeating: "░", count: barWidth - filled))
            let percent = String(format: "%3d%%", Int((group.mastery * 100).rounded()))
            lines.append("  \(name)  \(bar) \(percent)  \(group.mastered)/\(group.entries)")
        }
        if startedTags.count < stats.tags.count {
            let unstarted = stats.tags.count - startedTags.count
            lines.append(style.dim("  \(unstarted) \(unstarted == 1 ? "topic" : "topics") not started yet"))
        }
        lines.append("Last 14 days  " + Self.sparkline(stats.lastFourteenDays) + style.dim("  (oldest … today)"))
        if !stats.leeches.isEmpty {
            lines.append(
                style.bad("Leeches")
                    + style.dim(" (forgotten \(CardRecord.leechThreshold)+ times; first in \(command(repl: "/quiz weak", shell: "the tutor's /quiz weak")))"))
            for id in stats.leeches {
                if let entry = corpus.entry(id: id) { lines.append(entryLine(entry, indent: "  ")) }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// One character a day: `·` for none, else ▁ to █ scaled to the busiest day.
    static func sparkline(_ counts: [Int]) -> String {
        let blocks = Array("▁▂▃▄▅▆▇█")
        let peak = counts.max() ?? 0
        return String(
            counts.map { count in
                guard count > 0, peak > 0 else { return "·" }
                return blocks[min(blocks.count - 1, (count * blocks.count - 1) / peak)]
            })
    }

    /// `83% of 12 reviews (3 ratings in learning steps not counted)`: what the share is of, and
    /// what it leaves out, so a failed rating that does not count is not a mystery.
    static func retention(_ stats: StudyStatistics) -> String {
        let counted = stats.retentionReviews == 1 ? "1 review" : "\(stats.retentionReviews) reviews"
        var text = stats.retention30Days.map { "\(Int(($0 * 100).rounded()))% of \(counted)" } ?? "–"
        let left = stats.learningRatings30Days
        if left > 0 { text += " (\(left) \(left == 1 ? "rating" : "ratings") of new or learning entries not counted)" }
        return text
    }
}
