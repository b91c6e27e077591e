import{createRequire as __rgRequire}from'node:module';const require=__rgRequire(import.meta.url);
import{a as e}from"./chunk-W2BXGIKR.js";import"./chunk-5F6XNUZD.js";import"./chunk-METFI4NG.js";import"./chunk-MSOFCDAC.js";import"./chunk-25RMFV4P.js";import"./chunk-ZEPNVWIN.js";import"./chunk-JWLWP3RY.js";import"./chunk-BZTU7FA4.js";export{e as getDefaultRoleAssumer};
