import{createRequire as __rgRequire}from'node:module';const require=__rgRequire(import.meta.url);
import{b as e}from"./chunk-4H7CBMQH.js";import"./chunk-J3N2N2RT.js";import"./chunk-MSOFCDAC.js";import"./chunk-7UCKMMVC.js";import"./chunk-ZEPNVWIN.js";import"./chunk-JWLWP3RY.js";import"./chunk-BZTU7FA4.js";export{e as getDefaultRoleAssumerWithWebIdentity};
