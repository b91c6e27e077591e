import{createRequire as __rgRequire}from'node:module';const require=__rgRequire(import.meta.url);
import{b as e}from"./chunk-Z3EWSZSC.js";import"./chunk-5F6XNUZD.js";import"./chunk-DOTLN6Y5.js";import"./chunk-MSOFCDAC.js";import"./chunk-FBOJRVAL.js";import"./chunk-ZEPNVWIN.js";import"./chunk-JWLWP3RY.js";import"./chunk-BZTU7FA4.js";export{e as getDefaultRoleAssumerWithWebIdentity};
