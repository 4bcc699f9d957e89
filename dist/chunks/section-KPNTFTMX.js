import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a,b}from"./chunk-FO6VRTHR.js";import"./chunk-ROOYCC2I.js";import"./chunk-EEEC4TXW.js";export{a as ISSUE_SECTION_BYTES,b as renderIssueSection};
