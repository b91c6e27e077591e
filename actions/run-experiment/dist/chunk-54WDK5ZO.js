import{createRequire as __rgRequire}from'node:module';const require=__rgRequire(import.meta.url);
import{b as e}from"./chunk-QDCN6S77.js";import"./chunk-3TMKDXRP.js";import"./chunk-3TNDYWVS.js";import"./chunk-UU63D5KX.js";import"./chunk-25RMFV4P.js";import"./chunk-ZEPNVWIN.js";import"./chunk-EM6UGJSZ.js";export{e as getDefaultRoleAssumerWithWebIdentity};
