import{createRequire as __rgRequire}from'node:module';const require=__rgRequire(import.meta.url);
import{a as e}from"./chunk-LUZIGNSE.js";import"./chunk-5AKKRZGY.js";import"./chunk-P2GYFR2A.js";import"./chunk-7D7NKACG.js";import"./chunk-IEGETQ5A.js";import"./chunk-EJYTVKPN.js";import"./chunk-N52PERYI.js";export{e as getDefaultRoleAssumer};
