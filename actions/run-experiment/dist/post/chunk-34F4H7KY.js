import{createRequire as __rgRequire}from'node:module';const require=__rgRequire(import.meta.url);
import{b as e}from"./chunk-DAH24TQ7.js";import"./chunk-7XUXFDA3.js";import"./chunk-UU63D5KX.js";import"./chunk-7UCKMMVC.js";import"./chunk-ZEPNVWIN.js";import"./chunk-EM6UGJSZ.js";export{e as getDefaultRoleAssumerWithWebIdentity};
