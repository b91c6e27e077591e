import{createRequire as __rgRequire}from'node:module';const require=__rgRequire(import.meta.url);
import{a as e}from"./chunk-2EGKCHUH.js";import"./chunk-HRTTUB4D.js";import"./chunk-7D7NKACG.js";import"./chunk-7JQVFMZW.js";import"./chunk-EJYTVKPN.js";import"./chunk-N52PERYI.js";export{e as getDefaultRoleAssumer};
