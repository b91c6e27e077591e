import{createRequire as __rgRequire}from'node:module';const require=__rgRequire(import.meta.url);
import{b as e}from"./chunk-LEC6C3UC.js";import"./chunk-3TMKDXRP.js";import"./chunk-HHQNRPTH.js";import"./chunk-UU63D5KX.js";import"./chunk-FBOJRVAL.js";import"./chunk-ZEPNVWIN.js";import"./chunk-EM6UGJSZ.js";export{e as getDefaultRoleAssumerWithWebIdentity};
