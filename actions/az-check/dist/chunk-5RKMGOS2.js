import{createRequire as __rgRequire}from'node:module';const require=__rgRequire(import.meta.url);
import{a,b,c}from"./chunk-NFYNKWFH.js";import"./chunk-ZEPNVWIN.js";import"./chunk-JWLWP3RY.js";import"./chunk-EQF3PN6H.js";export{c as credentialsTreatedAsExpired,b as credentialsWillNeedRefresh,a as defaultProvider};
