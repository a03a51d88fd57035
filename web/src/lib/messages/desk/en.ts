/** The newsroom desk's strings (claimants, article details, dashboard, review feedback, publishing, history) in English. */
export const deskEn = {
  claimantDraftNote: "Not saved yet: pick a known claimant from the list, or create this one.",
  claimantKindSaved: "Kind saved.",
  saveKind: "Save kind",
  mergeClaimant: "Merge a duplicate into this claimant",
  mergeDuplicate: "Duplicate to merge",
  mergeButton: "Merge into “{name}”",
  mergeConfirm: "Merge “{dup}” into “{name}”? Its fact-checks move to “{name}” and “{dup}” is deleted.",
  merged: "Merged: {count} fact-checks moved.",
  mergeUnknown: "Pick a claimant from the list.",
  showingOf: "Showing {shown} of {total}.",
  changesRequestedBanner: "Changes requested",
  changesRequestedBy: "{name} asked for changes on {when}:",
  readThread: "Read it in the discussion",
};
