// Reads a summary document (the JSON of GET /api/summary) on stdin and prints it as a table for people.
import { readFileSync } from "node:fs";

const doc = JSON.parse(readFileSync(0, "utf8"));
const whole = (n) => (n === null ? "n/a" : n.toLocaleString("en-GB"));
const signed = (n, unit) => (n === null ? "n/a" : `${n > 0 ? "+" : ""}${n.toFixed(2)}${unit}`);
const pair = (m) => `${whole(m.previous)} -> ${whole(m.current)}`;
const rate = (m) => `${m.previous === null ? "n/a" : m.previous.toFixed(2)}% -> ${m.current === null ? "n/a" : m.current.toFixed(2)}%`;

const header = ["Area", `Offences ${doc.previousPeriod} -> ${doc.period}`, "Change", "Knife offences", "Change", "Positive outcomes", "Change", "Positive outcome rate", "Points"];
const row = (name, r) => [
  name,
  pair(r.offences), signed(r.offences.changePercent, "%"),
  pair(r.knifeOffences), signed(r.knifeOffences.changePercent, "%"),
  pair(r.positiveOutcomes), signed(r.positiveOutcomes.changePercent, "%"),
  rate(r.positiveOutcomeRate), signed(r.positiveOutcomeRate.changePoints, ""),
];
const rows = [header, ...doc.areas.map((a) => row(a.name, a)), row("Total", doc.total)];
const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");

console.log(`Serious youth violence: ${doc.basis} ${doc.period} against ${doc.previousPeriod} (${doc.status}; ${doc.quarters.join(", ")})`);
console.log();
console.log(line(rows[0]));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
rows.slice(1, -1).forEach((r) => console.log(line(r)));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
console.log(line(rows[rows.length - 1]));
console.log();
console.log(`Computed at ${doc.computedAt} from ${doc.sources.length} accepted returns.`);
