* How the 8-decimal expectations in expected.txt were made: run in this
* directory with GNU PSPP 1.6.2 as  pspp -O format=csv pspp-1.6.2.sps
* (the data are those of PSPP's tests/language/stats/reliability.at and of
* PSPP's examples/hotel.sav, the tutorial example of the same file).
SET FORMAT=F16.8.
GET DATA /TYPE=TXT /FILE='reliability.csv' /ARRANGEMENT=DELIMITED /DELIMITERS=',' /FIRSTCASE=2
  /VARIABLES=var1 F8.0 var2 F8.0 var6 F8.0 var7 F8.0 var8 F8.0 var9 F8.0 var11 F8.0 var12 F8.0
             var15 F8.0 var16 F8.0 var17 F8.0 var19 F8.0.
RELIABILITY /VARIABLES=var2 var6 var8 var15 var17 var19 /SCALE('Totals') var6 var8 var15 var17
  /SUMMARY=TOTAL.
GET DATA /TYPE=TXT /FILE='hotel.csv' /ARRANGEMENT=DELIMITED /DELIMITERS=',' /FIRSTCASE=2
  /VARIABLES=v1 F8.0 v2 F8.0 v3 F8.0 v4 F8.0 v5 F8.0.
COMPUTE v3 = 6 - v3.
RELIABILITY /VARIABLES=v1 v3 v4 /SUMMARY=TOTAL.
