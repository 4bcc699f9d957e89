import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a,b}from"./chunk-NQ4EMLHE.js";import"./chunk-THGD2FE6.js";import"./chunk-EEEC4TXW.js";export{a as ISSUE_SECTION_BYTES,b as renderIssueSection};
