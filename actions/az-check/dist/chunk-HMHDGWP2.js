import{createRequire as __rgRequire}from'node:module';const require=__rgRequire(import.meta.url);
import{a,b,c}from"./chunk-W2V7AODI.js";import"./chunk-EJYTVKPN.js";import"./chunk-3AVQRZXU.js";import"./chunk-EQF3PN6H.js";export{c as credentialsTreatedAsExpired,b as credentialsWillNeedRefresh,a as defaultProvider};
