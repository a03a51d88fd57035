export * from "./users";
export * from "./articles";
export * from "./claims";
export * from "./anchor-steps";
export * from "./audit";
export * from "./ratings";
export * from "./suggestions";
export * from "./fact-checks";
