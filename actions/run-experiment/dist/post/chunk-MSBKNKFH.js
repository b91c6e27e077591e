import{createRequire as __rgRequire}from'node:module';const require=__rgRequire(import.meta.url);
import{a as e}from"./chunk-PNCC5OKE.js";import"./chunk-5CROTAXY.js";import"./chunk-6U5XLV4H.js";import"./chunk-7JQVFMZW.js";import"./chunk-EJYTVKPN.js";import"./chunk-3AVQRZXU.js";import"./chunk-BZTU7FA4.js";export{e as getDefaultRoleAssumer};
