import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a,b}from"./chunk-WDSRXD5Z.js";import"./chunk-UD7BYCGD.js";import"./chunk-EEEC4TXW.js";export{a as ISSUE_SECTION_BYTES,b as renderIssueSection};
