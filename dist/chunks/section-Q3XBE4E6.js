import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a,b}from"./chunk-RPEGPF45.js";import"./chunk-ANQ3J577.js";import"./chunk-EEEC4TXW.js";export{a as ISSUE_SECTION_BYTES,b as renderIssueSection};
