import{createRequire as __rgRequire}from'node:module';const require=__rgRequire(import.meta.url);
import{a as e}from"./chunk-BCW73UBE.js";import"./chunk-IP6BDTF4.js";import"./chunk-4EVEBYET.js";import"./chunk-6U5XLV4H.js";import"./chunk-IEGETQ5A.js";import"./chunk-EJYTVKPN.js";import"./chunk-3AVQRZXU.js";import"./chunk-BZTU7FA4.js";export{e as getDefaultRoleAssumer};
