
/** The statements of one migration file: drizzle's breakpoints, then plain semicolons at line ends. */
export function migrationStatements(sqlText: string): string[] {
  const out: string[] = [];
  for (const part of sqlText.split("--> statement-breakpoint")) {
    let pending = "";
    for (const piece of part.split(/;\s*$/m)) {
      pending = pending ? `${pending};\n${piece}` : piece;
      const clean = pending.replace(/^\s*--.*$/gm, "").trim();
      // A trigger's body holds statements of its own: the trigger ends only at its END.
      if (/^create\s+trigger/i.test(clean) && !/\bend$/i.test(clean)) continue;
      if (clean) out.push(clean);
      pending = "";
    }
  }
  return out;
}
